package dev.gigafactory.devstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resident memory as the kernel counts it ({@code VmRSS} in {@code /proc/<pid>/status}): the six services, the
 * infrastructure JVM with the database processes it started, and the products apart.
 */
record FleetMemory(Map<String, Long> servicesKb, long infraKb, long productsKb, int products) {

    static FleetMemory measure(Map<String, Long> pids, String infraName, Path stateDir) {
        Map<String, Long> services = new LinkedHashMap<>();
        long infra = 0;
        for (Map.Entry<String, Long> entry : pids.entrySet()) {
            if (entry.getKey().equals(infraName)) {
                infra = rssKb(entry.getValue()) + ProcessHandle.of(entry.getValue()).stream()
                        .flatMap(ProcessHandle::descendants).mapToLong(p -> rssKb(p.pid())).sum();
            } else {
                services.put(entry.getKey(), rssKb(entry.getValue()));
            }
        }
        List<ProcessHandle> products = products(stateDir);
        return new FleetMemory(services, infra, products.stream().mapToLong(p -> rssKb(p.pid())).sum(),
                products.size());
    }

    /** A deployed product runs its jar from the deployer's products dir under the fleet's state dir. */
    static List<ProcessHandle> products(Path stateDir) {
        String marker = stateDir.toAbsolutePath().normalize() + "/work/deployer-service/products/";
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(false)).toList();
    }

    long fleetKb() {
        return infraKb + servicesKb.values().stream().mapToLong(Long::longValue).sum();
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone or not Linux: counts as nothing
        }
        return 0;
    }
}
