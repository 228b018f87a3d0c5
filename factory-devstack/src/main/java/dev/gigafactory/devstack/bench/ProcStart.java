package dev.gigafactory.devstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * When a process started, to the 10 ms tick. {@code ProcessHandle.Info.startInstant()} counts from the boot time in
 * {@code /proc/stat}, which is whole seconds: up to a second off, more than the hop it is meant to measure. Counting
 * back from {@code /proc/uptime} (centiseconds) instead keeps the error at a tick.
 */
public final class ProcStart {

    private static final long TICKS_PER_SECOND = 100;

    private ProcStart() {
    }

    /** Epoch milliseconds, or 0 if the process is gone or this is not Linux. */
    public static long epochMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name may hold spaces and parentheses; the fields after its last ')' start at field 3
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[19]);
            double uptimeSeconds = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            long now = System.currentTimeMillis();
            return now - Math.round(uptimeSeconds * 1000) + startTicks * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
