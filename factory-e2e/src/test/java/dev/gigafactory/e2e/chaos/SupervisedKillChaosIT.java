package dev.gigafactory.e2e.chaos;

import static dev.gigafactory.e2e.chaos.Pipeline.assertEachRanExactlyOnce;
import static dev.gigafactory.e2e.chaos.Pipeline.assertOthersReady;
import static dev.gigafactory.e2e.chaos.Pipeline.awaitKeys;
import static dev.gigafactory.e2e.chaos.Pipeline.keysOn;
import static dev.gigafactory.e2e.chaos.Pipeline.names;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.acceptance.Deadline;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.launcher.Fleet;
import dev.gigafactory.devstack.launcher.FleetOptions;
import dev.gigafactory.devstack.launcher.PidFile;
import dev.gigafactory.devstack.launcher.ServiceDef;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kill -9 of each service in turn, at a random point of a batch in flight, in a supervised fleet and with no other
 * action: the other five stay ready and keep consuming, the supervisor starts the killed one again (on a new port,
 * which the fleet's files follow), and every spec runs exactly once. One supervised fleet for all six; it replaces the
 * unsupervised ServiceKillChaosIT, whose scenarios restarted each service by hand. The infrastructure JVM (broker and
 * database) killed the same way comes back on its ports and data, and the services ride the outage out.
 */
class SupervisedKillChaosIT {

    private static final int BATCH = 4;
    private static final Duration BACK_TIMEOUT = Duration.ofMinutes(2);
    private static final long SEED = Long.getLong("chaos.seed", System.nanoTime());
    private static final Random RANDOM = new Random(SEED);

    private static Fleet fleet;

    @BeforeAll
    static void startSupervisedFleet() throws IOException {
        Path repo = Fleet.findRepoRoot(Path.of("").toAbsolutePath());
        FleetOptions options = FleetOptions.defaults(repo)
                .withStateDir(Files.createTempDirectory("gigafactory-supervised-")).withSupervised(true);
        fleet = Fleet.start(options).stopOnExit();
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    /** Each service with the topic it consumes and the topic whose records show it is midway through the batch. */
    static Stream<Arguments> services() {
        return Stream.of(
                Arguments.of("spec-intake-service", Topics.SPECS_SUBMITTED, Topics.SPECS_ACCEPTED),
                Arguments.of("planner-service", Topics.SPECS_ACCEPTED, Topics.PLANS_CREATED),
                Arguments.of("coder-service", Topics.PLANS_CREATED, Topics.CODE_GENERATED),
                Arguments.of("tester-service", Topics.CODE_GENERATED, Topics.TESTS_COMPLETED),
                Arguments.of("deployer-service", Topics.TESTS_COMPLETED, Topics.DEPLOYMENTS_COMPLETED),
                Arguments.of("monitor-service", Topics.DEPLOYMENTS_COMPLETED, Topics.DEPLOYMENTS_COMPLETED));
    }

    @ParameterizedTest(name = "kill -9 {0}")
    @MethodSource("services")
    void aKilledServiceComesBackByItselfAndEverySpecRunsExactlyOnce(String service, String input, String progress) {
        List<String> batch = names("s" + ServiceDef.ALL.stream().map(ServiceDef::name).toList().indexOf(service),
                BATCH);
        int midway = 1 + RANDOM.nextInt(BATCH - 1);
        System.out.printf("chaos: kill -9 %s after %d of %d specs reached %s (seed %d)%n", service, midway, BATCH,
                progress, SEED);

        Pipeline.submit(fleet, batch);
        awaitKeys(fleet, progress, batch, midway, Pipeline.RUNNING_TIMEOUT);
        long killed = fleet.pid(service);
        fleet.killService(service);

        assertOthersReady(fleet, service);
        List<String> probe = List.of();
        if (!service.equals(ServiceDef.INTAKE)) {
            // intake keeps accepting while the service is down or starting again
            probe = names("s" + batch.get(0).charAt(1) + "p", 1);
            Pipeline.submit(fleet, probe);
            awaitKeys(fleet, Topics.SPECS_ACCEPTED, probe, 1, Duration.ofMinutes(1));
        }
        // its upstream keeps consuming: the whole batch reaches the killed service's input topic
        awaitKeys(fleet, input, batch, BATCH, Duration.ofMinutes(2));
        URI back = awaitBack(service, killed);
        System.out.printf("chaos: %s back at %s; %d of %d specs had passed it%n", service, back,
                keysOn(fleet, progress, batch), BATCH);

        assertEachRanExactlyOnce(fleet, Pipeline.union(batch, probe));
        assertOthersReady(fleet, "");
        assertThat(fleet.pid(service)).as("%s's pid after the supervisor started it again", service)
                .isNotEqualTo(killed);
    }

    @Test
    void aKilledInfrastructureComesBackOnItsPortsAndEverySpecRunsExactlyOnce() {
        List<String> batch = names("si", BATCH);
        Pipeline.submit(fleet, batch);
        awaitKeys(fleet, Topics.PLANS_CREATED, batch, 1, Pipeline.RUNNING_TIMEOUT);
        long killed = fleet.pid(PidFile.INFRA);
        System.out.printf("chaos: kill -9 the infrastructure (broker and database, pid %d)%n", killed);
        fleet.killService(PidFile.INFRA);

        Deadline deadline = Deadline.after(BACK_TIMEOUT);
        while (fleet.pid(PidFile.INFRA) == killed) {
            assertThat(deadline.passed()).as("a new infrastructure pid within %s; supervisor.log in %s", BACK_TIMEOUT,
                    fleet.stateDir().resolve("logs")).isFalse();
            Pipeline.pause(250);
        }
        // the services never restart: they ride out the outage and find the broker and database on the same ports
        Pipeline.awaitAllReady(fleet, BACK_TIMEOUT);
        assertEachRanExactlyOnce(fleet, batch);
        assertOthersReady(fleet, "");
    }

    /** Waits until pids.json names a new process for the service and fleet.json a URL where it answers ready. */
    private static URI awaitBack(String service, long killed) {
        Deadline deadline = Deadline.after(BACK_TIMEOUT);
        while (fleet.pid(service) == killed || !Pipeline.answers(fleet.url(service).resolve("/q/health/ready"))) {
            if (deadline.passed()) {
                throw new AssertionError(service + " did not come back within " + BACK_TIMEOUT + "; logs in "
                        + fleet.stateDir().resolve("logs") + " (supervisor.log says what the supervisor did)");
            }
            Pipeline.pause(250);
        }
        return fleet.url(service);
    }
}
