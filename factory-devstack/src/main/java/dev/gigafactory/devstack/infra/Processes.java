package dev.gigafactory.devstack.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Stopping processes by pid, also ones another JVM started: SIGTERM, a grace period, then SIGKILL. */
public final class Processes {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private Processes() {
    }

    /**
     * Stops the processes and everything they started (a deployer's products): all get SIGTERM at once, so they shut
     * down in parallel; whatever still runs after the grace period gets SIGKILL.
     */
    public static void stop(Collection<Long> pids, Duration grace) {
        List<ProcessHandle> targets = new ArrayList<>();
        for (long pid : pids) {
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(handle -> {
                targets.add(handle);
                handle.descendants().forEach(targets::add);
            });
        }
        targets.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle target : targets) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                target.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                target.destroyForcibly();
            }
        }
    }

    public static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The command prefix that puts a child in a session of its own, so it outlives the terminal that started it. */
    public static Optional<String> detachPrefix() {
        return Files.isExecutable(SETSID) ? Optional.of(SETSID.toString()) : Optional.empty();
    }
}
