package dev.gigafactory.devstack.bench;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the burst's CPU is read from, found again at each reading: the fleet's JVMs and the bench by name, init, the
 * products, PostgreSQL's processes, the kernel's threads and the fleet's other descendants (the sandboxes around the
 * products, gates in flight). A sandboxed JVM that ended was reaped by its jail's shell, so its time is in its
 * caller's row.
 */
final class FleetProcesses {

    private FleetProcesses() {
    }

    static CpuUse.Processes of(Map<String, Long> fleetPids, Path stateDir) {
        Map<String, Long> named = new LinkedHashMap<>(fleetPids);
        named.put("the bench itself", ProcessHandle.current().pid());
        named.put(CpuUse.INIT, 1L);
        List<Long> products = FleetMemory.products(stateDir).stream().map(ProcessHandle::pid).toList();
        List<Long> database = FleetMemory.database(stateDir).stream().map(ProcessHandle::pid).toList();
        Set<Long> counted = new HashSet<>(named.values());
        counted.addAll(products);
        counted.addAll(database);
        List<Long> kernel = ProcessHandle.allProcesses().filter(FleetProcesses::kernelThread)
                .map(ProcessHandle::pid).toList();
        List<Long> others = fleetPids.values().stream().map(ProcessHandle::of).flatMap(Optional::stream)
                .flatMap(ProcessHandle::descendants).map(ProcessHandle::pid).filter(pid -> !counted.contains(pid))
                .distinct().toList();
        Map<String, List<Long>> groups = new LinkedHashMap<>();
        groups.put("products", products);
        groups.put("PostgreSQL", database);
        groups.put(CpuUse.KERNEL_THREADS, kernel);
        groups.put(CpuUse.OTHERS, others);
        return new CpuUse.Processes(named, groups);
    }

    // kthreadd (pid 2) and what it started: kworkers, softirq threads, the kernel's memory daemons
    private static boolean kernelThread(ProcessHandle process) {
        return process.pid() == 2 || process.parent().map(parent -> parent.pid() == 2).orElse(false);
    }
}
