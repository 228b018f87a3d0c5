package dev.gigafactory.devstack.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Stopping processes by pid, also ones another JVM started: each is asked first (SIGTERM) and forced after a grace
 * period (SIGKILL). What they leave behind is swept separately, so a caller can choose to stop one service without
 * touching what it started.
 */
public final class Processes {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Path KILL = Path.of("/usr/bin/kill");
    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(5);

    private Processes() {
    }

    /** Stops just these processes, all asked at once so they shut down in parallel. */
    public static void stop(Collection<Long> pids, Duration grace) {
        List<ProcessHandle> targets = new ArrayList<>();
        pids.forEach(pid -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(targets::add));
        targets.forEach(ProcessHandle::destroy);
        awaitOrKill(targets, grace);
    }

    /** Everything the processes have started and not yet reaped, as of now. */
    public static List<ProcessHandle> descendantsOf(Collection<Long> pids) {
        List<ProcessHandle> descendants = new ArrayList<>();
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(handle -> handle.descendants().forEach(descendants::add)));
        return descendants;
    }

    /**
     * Every other live process whose command line names {@code dir} or that runs inside it: what a fleet started,
     * even in a session of its own (a deployer's products are started that way, to outlive the deployer).
     */
    public static List<ProcessHandle> runningUnder(Path dir) {
        String prefix = dir.toAbsolutePath().normalize().toString() + "/";
        ProcessHandle self = ProcessHandle.current();
        return ProcessHandle.allProcesses().filter(p -> !p.equals(self) && !isAncestor(p, self))
                .filter(p -> p.info().commandLine().map(line -> line.contains(prefix)).orElse(false)
                        || cwd(p).map(cwd -> (cwd + "/").startsWith(prefix)).orElse(false))
                .toList();
    }

    /**
     * Stops leftovers: the process groups led by {@code groups} (a process started through {@link #detachPrefix()}
     * leads one, and its children stay in it) and the given processes; SIGTERM, a short grace, SIGKILL.
     */
    public static void stopLeftovers(Collection<Long> groups, Collection<ProcessHandle> others) {
        groups.forEach(group -> signalGroup(group, "TERM"));
        others.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + LEFTOVER_GRACE.toNanos();
        while (System.nanoTime() < deadline && (others.stream().anyMatch(ProcessHandle::isAlive)
                || groups.stream().anyMatch(Processes::groupAlive))) {
            sleep(50);
        }
        groups.forEach(group -> signalGroup(group, "KILL"));
        others.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static boolean isAncestor(ProcessHandle candidate, ProcessHandle of) {
        for (var parent = of.parent(); parent.isPresent(); parent = parent.get().parent()) {
            if (parent.get().equals(candidate)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> cwd(ProcessHandle process) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"))
                    .toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static void awaitOrKill(List<ProcessHandle> targets, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle target : targets) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                target.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                target.destroyForcibly();
                target.onExit().completeOnTimeout(target, 5, TimeUnit.SECONDS).join();
            }
        }
    }

    /** Whether any process is left in the process group (as {@code kill -0 -- -PGID} tells). */
    public static boolean groupAlive(long group) {
        return signalGroup(group, "0");
    }

    private static boolean signalGroup(long group, String signal) {
        if (!Files.isExecutable(KILL)) {
            return false;
        }
        try {
            Process kill = new ProcessBuilder(KILL.toString(), "-" + signal, "--", "-" + group)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Alive and not a zombie: a process that died after its parent (a fleet started by {@code ./factory up}) is
     * reaped by init, which some containers' init does only now and then; until then Java calls it alive.
     */
    public static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !zombie(pid);
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int name = stat.lastIndexOf(')');
            return name > 0 && stat.length() > name + 2 && stat.charAt(name + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The command prefix that starts a child as the leader of a new session and process group: it outlives the
     * terminal that started it, and its whole group can be stopped together.
     */
    public static Optional<String> detachPrefix() {
        return Files.isExecutable(SETSID) ? Optional.of(SETSID.toString()) : Optional.empty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
