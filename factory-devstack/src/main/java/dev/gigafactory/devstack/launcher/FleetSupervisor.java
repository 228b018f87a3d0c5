package dev.gigafactory.devstack.launcher;

import dev.gigafactory.devstack.infra.InfraProcess;
import dev.gigafactory.devstack.infra.Processes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Keeps a local fleet up: every process {@code pids.json} names that has a {@link LaunchSpec} (the six services and
 * the infrastructure JVM) and dies without {@code ./factory down} is started again, after a {@link Backoff}. A service
 * comes back on a fresh port, and fleet.json and pids.json follow; the infrastructure comes back on its ports and data
 * dir. It runs in a small JVM of its own, so it dying takes nothing else down.
 *
 * <p>
 * Usage: {@code FleetSupervisor --state DIR [--exit-with-parent]}.
 */
public final class FleetSupervisor {

    static final Duration TICK = Duration.ofMillis(250);

    private final Path stateDir;
    private final Clock clock;
    private final Consumer<String> log;
    private final Map<String, Watched> watched = new LinkedHashMap<>();
    private Map<String, SupervisorState.Entry> written = Map.of();

    FleetSupervisor(Path stateDir, Clock clock, Consumer<String> log) {
        this.stateDir = stateDir;
        this.clock = clock;
        this.log = log;
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> flags = List.of(args);
        int state = flags.indexOf("--state");
        if (state < 0 || state + 1 >= args.length) {
            System.err.println("usage: FleetSupervisor --state DIR [--exit-with-parent]");
            System.exit(2);
        }
        FleetSupervisor supervisor = new FleetSupervisor(Path.of(args[state + 1]).toAbsolutePath(),
                Clock.systemUTC(), line -> System.out.println(Instant.now() + " " + line));
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM (./factory down) lets the round in progress finish, so a process it starts is in pids.json
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.set(true);
            awaitQuietly(stopped);
        }, "supervisor-stop"));
        if (flags.contains("--exit-with-parent")) {
            stopWhenStdinCloses(stop);
        }
        supervisor.log.accept("supervising the fleet in " + supervisor.stateDir);
        try {
            while (!stop.get() && supervisor.tick()) {
                Thread.sleep(TICK.toMillis());
            }
        } finally {
            supervisor.log.accept("supervisor stopping");
            stopped.countDown();
        }
    }

    /** One round: notices exits, starts what is due, finishes starts that became ready. False once the fleet is gone. */
    boolean tick() {
        Map<String, Long> pids = PidFile.in(stateDir).pids();
        if (pids.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        pids.forEach((name, pid) -> {
            if (name.equals(PidFile.SUPERVISOR) || LaunchSpec.readFrom(stateDir, name).isEmpty()) {
                return;
            }
            Watched current = watched.get(name);
            if (current == null || current.state() == Watched.State.RUNNING && current.pid() != pid) {
                // new to us, or started again by hand: watch the pid pids.json names now
                current = new Watched(name, pid, startInstant(pid).orElse(now));
                watched.put(name, current);
            }
            step(current, now);
        });
        writeState();
        return true;
    }

    private void step(Watched process, Instant now) {
        switch (process.state()) {
            case RUNNING -> {
                if (!Processes.alive(process.pid())) {
                    Duration delay = process.exited(now, "exited (pid " + process.pid() + ")");
                    log.accept(process.name() + " (pid " + process.pid() + ") exited without ./factory down;"
                            + " starting it again in " + delay.toMillis() + " ms");
                }
            }
            case WAITING -> {
                if (process.due(now)) {
                    restart(process, now);
                }
            }
            case STARTING -> poll(process, now);
        }
    }

    private void restart(Watched process, Instant now) {
        String name = process.name();
        LaunchSpec spec = LaunchSpec.readFrom(stateDir, name).orElseThrow();
        boolean infra = name.equals(PidFile.INFRA);
        // what the dead process started is still in its process group: an orphaned database would hold the data dir
        Processes.stopLeftovers(List.of(process.pid()), infra ? Processes.runningUnder(spec.workDir()) : List.of());
        try {
            if (infra) {
                Process started = InfraProcess.restart(spec.command(), spec.workDir(), spec.log());
                process.starting(started.pid(), started, now);
                PidFile.in(stateDir).put(name, started.pid());
                process.running(clock.instant());
                log.accept("infra started again (pid " + started.pid() + ", restart " + process.restarts()
                        + ") on its ports and data dir");
            } else {
                ServiceProcess started = ServiceProcess.launch(new ServiceDef(name, Optional.empty()), spec);
                process.starting(started.pid(), started, now);
                PidFile.in(stateDir).put(name, started.pid());
                log.accept("started " + name + " again (pid " + started.pid() + ", restart " + process.restarts()
                        + ")");
            }
        } catch (RuntimeException e) {
            Duration delay = process.exited(now, "failed to start");
            log.accept(name + " failed to start: " + e.getMessage() + "; trying again in " + delay.toMillis() + " ms");
        }
    }

    private void poll(Watched process, Instant now) {
        ServiceProcess started = (ServiceProcess) process.handle();
        try {
            if (started.poll() == ServiceProcess.State.READY) {
                process.running(now);
                followUrl(process.name(), started.url());
                log.accept(process.name() + " ready again at " + started.url());
            }
        } catch (IllegalStateException e) {
            Duration delay = process.exited(now, "exited while starting");
            log.accept(e.getMessage() + "\nstarting it again in " + delay.toMillis() + " ms");
        }
    }

    /** fleet.json names the port the service came back on. */
    private void followUrl(String name, URI url) {
        FleetFile.readFrom(stateDir).ifPresent(fleet -> {
            Map<String, String> services = new LinkedHashMap<>(fleet.services());
            services.put(name, url.toString());
            new FleetFile(fleet.kafka(), services).writeTo(stateDir);
        });
    }

    private void writeState() {
        Map<String, SupervisorState.Entry> entries = new LinkedHashMap<>();
        watched.forEach((name, process) -> entries.put(name, process.entry()));
        if (!entries.equals(written)) {
            SupervisorState.write(stateDir, entries);
            written = entries;
        }
    }

    Map<String, Watched> watched() {
        return watched;
    }

    private static Optional<Instant> startInstant(long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().startInstant());
    }

    /** The parent holds our stdin; when it dies, even by SIGKILL, the pipe closes and we stop. */
    private static void stopWhenStdinCloses(AtomicBoolean stop) {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // only end-of-stream matters
                }
            } catch (IOException e) {
                // a broken pipe means the same as end-of-stream
            }
            stop.set(true);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
