package dev.gigafactory.devstack.bench;

import dev.gigafactory.devstack.launcher.FleetLayout;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The fleet's memory: the six services, the infrastructure JVM (the broker), and the PostgreSQL processes (they run
 * detached from the JVM that started them, so they are found by their data directory); the products apart.
 */
record FleetMemory(Map<String, Footprint> services, Footprint broker, Footprint database, int databaseProcesses,
        List<Footprint> eachProduct) {

    static FleetMemory measure(Map<String, Long> pids, String infraName, Path stateDir) {
        Map<String, Footprint> services = new LinkedHashMap<>();
        Footprint broker = Footprint.NONE;
        for (Map.Entry<String, Long> entry : pids.entrySet()) {
            if (entry.getKey().equals(infraName)) {
                broker = Footprint.of(entry.getValue());
            } else {
                services.put(entry.getKey(), Footprint.of(entry.getValue()));
            }
        }
        List<ProcessHandle> database = database(stateDir);
        List<ProcessHandle> products = products(stateDir);
        return new FleetMemory(services, broker, footprint(database), database.size(),
                products.stream().map(p -> Footprint.of(p.pid())).filter(f -> f.rssKb() > 0).toList());
    }

    Footprint products() {
        return Footprint.sum(eachProduct);
    }

    Footprint fleet() {
        return Footprint.sum(services.values()).plus(broker).plus(database);
    }

    /**
     * A deployed product runs its jar from the deployer's products dir under the fleet's state dir: the JVM, not the
     * bubblewrap processes around it, whose command lines name the same jar.
     */
    static List<ProcessHandle> products(Path stateDir) {
        return withCommandLine(FleetLayout.productsDir(stateDir) + "/")
                .filter(process -> process.info().command().map(c -> c.endsWith("/java")).orElse(false)).toList();
    }

    /** The postmaster started on the fleet's data directory, and every process it forked. */
    static List<ProcessHandle> database(Path stateDir) {
        return withCommandLine(stateDir.toAbsolutePath().normalize() + "/infra/postgres")
                .filter(process -> process.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants())).toList();
    }

    private static Stream<ProcessHandle> withCommandLine(String marker) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(false));
    }

    private static Footprint footprint(List<ProcessHandle> processes) {
        return Footprint.sum(processes.stream().map(p -> Footprint.of(p.pid())).toList());
    }
}
