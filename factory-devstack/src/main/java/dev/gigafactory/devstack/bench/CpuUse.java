package dev.gigafactory.devstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU time a stretch of the run cost, by process, and how busy the machine was meanwhile: a throughput that the
 * machine's cores bound is told apart from one that something serialises. Each figure is user + system time, with
 * the children a process has waited for (the tester's sandboxed gate JVMs, PostgreSQL's ended backends); a group of
 * processes (the products, PostgreSQL) is summed per process, one that is new counting from nothing.
 */
record CpuUse(Map<String, Long> millis, long machineBusyMillis, long machineMillis) {

    /** Init's row: what was orphaned to it and reaped there. */
    static final String INIT = "init (pid 1): processes orphaned to it";

    /** Kernel threads: the kernel's own work on behalf of everyone (memory reclaim, deferred network clean-up). */
    static final String KERNEL_THREADS = "kernel threads (kworkers, ksoftirqd, kdamond...)";

    /** The fleet's other descendants alive at a reading: the sandboxes around each product, gates in flight. */
    static final String OTHERS = "the fleet's other processes (the sandboxes around the products, gates in flight)";

    private static final long TICKS_PER_SECOND = 100;

    /** What to count: named processes, and named groups found again at each reading (their members change). */
    record Processes(Map<String, Long> named, Map<String, List<Long>> groups) {
    }

    /** One reading. */
    record Reading(Map<String, Map<Long, Long>> byName, long machineBusyMillis, long machineMillis) {

        static Reading now(Processes processes) {
            Map<String, Map<Long, Long>> byName = new LinkedHashMap<>();
            processes.named().forEach((name, pid) -> byName.put(name, times(List.of(pid))));
            processes.groups().forEach((name, pids) -> byName.put(name, times(pids)));
            long[] machine = machine();
            return new Reading(byName, machine[0], machine[1]);
        }

        private static Map<Long, Long> times(Collection<Long> pids) {
            Map<Long, Long> times = new LinkedHashMap<>();
            pids.forEach(pid -> times.put(pid, millis(pid)));
            return times;
        }
    }

    /** The CPU used from {@code before} to {@code after}. */
    static CpuUse between(Reading before, Reading after) {
        Map<String, Long> used = new LinkedHashMap<>();
        after.byName().forEach((name, now) -> {
            Map<Long, Long> then = before.byName().getOrDefault(name, Map.of());
            used.put(name, now.entrySet().stream()
                    .mapToLong(process -> Math.max(0, process.getValue() - then.getOrDefault(process.getKey(), 0L)))
                    .sum());
        });
        return new CpuUse(used, after.machineBusyMillis() - before.machineBusyMillis(),
                after.machineMillis() - before.machineMillis());
    }

    long total() {
        return millis.values().stream().mapToLong(Long::longValue).sum();
    }

    /** How busy the machine's cores were, 0 to 1. */
    double machineBusy() {
        return machineMillis <= 0 ? 0 : (double) machineBusyMillis / machineMillis;
    }

    /** utime + stime + cutime + cstime of a process, in ms; 0 when it is gone or this is not Linux. */
    static long millis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name may hold spaces and parentheses; the fields after its last ')' start at field 3
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = 0;
            for (int field = 14; field <= 17; field++) {
                ticks += Long.parseLong(fields[field - 3]);
            }
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Busy and total CPU time of every core together since boot, in ms, from the first line of /proc/stat. */
    private static long[] machine() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                long ticks = Long.parseLong(fields[i]);
                total += ticks;
                if (i == 4 || i == 5) {
                    idle += ticks; // idle, iowait
                }
            }
            return new long[]{(total - idle) * 1000 / TICKS_PER_SECOND, total * 1000 / TICKS_PER_SECOND};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }
}
