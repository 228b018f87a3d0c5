package dev.gigafactory.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.devstack.infra.JavaCommand;
import dev.gigafactory.devstack.infra.Processes;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor against real, small processes: a {@link FakeService} stands in for a service JVM (it announces its
 * port and answers readiness as Quarkus does), killed with SIGKILL as a crash would.
 */
class FleetSupervisorTest {

    private static final String SERVICE = "planner-service";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path stateDir;

    private final List<String> log = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopWhatWasStarted() {
        Processes.stop(PidFile.in(stateDir).pids().values(), Duration.ofSeconds(5));
    }

    @Test
    void aKilledServiceComesBackOnAFreshPortAndPidsAndFleetJsonFollow() {
        ServiceProcess first = startFake();
        FleetSupervisor supervisor = new FleetSupervisor(stateDir, Clock.systemUTC(), log::add);
        supervisor.tick();

        ProcessHandle.of(first.pid()).ifPresent(ProcessHandle::destroyForcibly);
        ticksUntil(supervisor, () -> restartedAndReady(first.pid()));

        long second = PidFile.in(stateDir).pids().get(SERVICE);
        URI url = FleetFile.readFrom(stateDir).orElseThrow().service(SERVICE);
        assertThat(second).isNotEqualTo(first.pid());
        assertThat(Processes.alive(second)).isTrue();
        assertThat(url).isNotEqualTo(first.url());
        assertThat(IntakeClient.answers(url.resolve("/q/health/ready"))).isTrue();
        SupervisorState.Entry entry = SupervisorState.read(stateDir).get(SERVICE);
        assertThat(entry.restarts()).isEqualTo(1);
        assertThat(entry.pid()).isEqualTo(second);
        assertThat(entry.lastExit()).contains("exited (pid " + first.pid() + ")");
        assertThat(log).anyMatch(line -> line.contains(SERVICE + " (pid " + first.pid() + ") exited without"))
                .anyMatch(line -> line.contains(SERVICE + " ready again at " + url));
    }

    @Test
    void stopsOnceTheFleetIsDownAndStartsNothing() {
        ServiceProcess first = startFake();
        FleetSupervisor supervisor = new FleetSupervisor(stateDir, Clock.systemUTC(), log::add);
        assertThat(supervisor.tick()).isTrue();

        FleetShutdown.stop(stateDir, line -> {
        });

        assertThat(Processes.alive(first.pid())).isFalse();
        assertThat(supervisor.tick()).isFalse();
        assertThat(PidFile.in(stateDir).pids()).isEmpty();
    }

    private boolean restartedAndReady(long firstPid) {
        Long pid = PidFile.in(stateDir).pids().get(SERVICE);
        SupervisorState.Entry entry = SupervisorState.read(stateDir).get(SERVICE);
        return pid != null && pid != firstPid && entry != null && !entry.starting() && entry.restarts() == 1;
    }

    /** What the fleet leaves for the supervisor: a running service, how it was started, pids.json and fleet.json. */
    private ServiceProcess startFake() {
        List<String> command = JavaCommand.of(stateDir.resolve("fake.args"), JavaCommand.currentClasspath(),
                List.of("-XX:TieredStopAtLevel=1", "-Xmx32m"), FakeService.class.getName(), List.of());
        LaunchSpec spec = new LaunchSpec(command, Map.of(), stateDir.resolve("work").resolve(SERVICE),
                FleetLayout.log(stateDir, SERVICE));
        spec.writeTo(stateDir, SERVICE);
        ServiceProcess process = ServiceProcess.launch(new ServiceDef(SERVICE, java.util.Optional.empty()), spec);
        PidFile.in(stateDir).put(SERVICE, process.pid());
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (process.poll() != ServiceProcess.State.READY && System.nanoTime() < deadline) {
            pause();
        }
        new FleetFile("127.0.0.1:1", Map.of(SERVICE, process.url().toString())).writeTo(stateDir);
        return process;
    }

    private static void ticksUntil(FleetSupervisor supervisor, BooleanSupplier done) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the supervisor brought the service back in time").isLessThan(deadline);
            supervisor.tick();
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(FleetSupervisor.TICK.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
