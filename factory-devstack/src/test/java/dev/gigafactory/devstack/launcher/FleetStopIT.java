package dev.gigafactory.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.devstack.infra.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./factory down} from a fresh JVM: everything pids.json names stops, children included. */
class FleetStopIT {

    @TempDir
    Path state;

    @Test
    void stopsEveryProcessNamedInPidsJsonAndItsChildren() throws Exception {
        Process parent = new ProcessBuilder("bash", "-c", "sleep 300 & wait").start();
        Process other = new ProcessBuilder("sleep", "300").start();
        awaitChild(parent);
        List<ProcessHandle> children = parent.toHandle().children().toList();
        PidFile pids = PidFile.in(state);
        pids.put("deployer-service", parent.pid());
        pids.put(PidFile.INFRA, other.pid());
        new FleetFile("127.0.0.1:1", java.util.Map.of()).writeTo(state);

        Fleet.stop(state, line -> {
        });

        assertThat(parent.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(other.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(children).isNotEmpty().noneMatch(ProcessHandle::isAlive);
        assertThat(Files.exists(state.resolve(PidFile.NAME))).isFalse();
        assertThat(Files.exists(state.resolve(FleetFile.NAME))).isFalse();
        assertThat(Fleet.running(state)).isEmpty();
    }

    @Test
    void alsoStopsWhatAServiceStartsWhileItIsStopping() throws Exception {
        // like a deployer that restarts its product when it dies, even during its own shutdown
        Process service = new ProcessBuilder("/usr/bin/setsid", "bash", "-c",
                "trap 'sleep 301 & exit 0' TERM; sleep 300 & wait; wait").start();
        awaitChild(service);
        PidFile.in(state).put("deployer-service", service.pid());

        Fleet.stop(state, line -> {
        });

        assertThat(service.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(Processes.groupAlive(service.pid())).isFalse();
    }

    @Test
    void alsoStopsProcessesOfTheFleetThatLeftItsProcessTree() throws Exception {
        // like a product a deployer started in a session of its own, from the state dir
        Path work = Files.createDirectories(state.resolve("work/deployer-service"));
        Process product = new ProcessBuilder("/usr/bin/setsid", "sleep", "302").directory(work.toFile()).start();
        PidFile.in(state).put(PidFile.INFRA, new ProcessBuilder("sleep", "303").start().pid());

        Fleet.stop(state, line -> {
        });

        assertThat(product.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFleetWithADeadProcessIsNotRunning() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        PidFile.in(state).put("planner-service", gone.pid());
        new FleetFile("127.0.0.1:1", java.util.Map.of()).writeTo(state);

        assertThat(Processes.alive(gone.pid())).isFalse();
        assertThat(Fleet.running(state)).isEmpty();
    }

    private static void awaitChild(Process parent) throws InterruptedException {
        for (int i = 0; i < 100 && parent.toHandle().children().findAny().isEmpty(); i++) {
            Thread.sleep(20);
        }
    }
}
