package dev.gigafactory.e2e.chaos;

import static dev.gigafactory.e2e.chaos.Pipeline.assertEachRanExactlyOnce;
import static dev.gigafactory.e2e.chaos.Pipeline.assertOthersReady;
import static dev.gigafactory.e2e.chaos.Pipeline.awaitKeys;
import static dev.gigafactory.e2e.chaos.Pipeline.keysOn;
import static dev.gigafactory.e2e.chaos.Pipeline.names;

import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.launcher.Fleet;
import dev.gigafactory.devstack.launcher.ServiceDef;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kill -9 of each service in turn, at a random point of a batch in flight: the other five stay ready and keep
 * consuming, and after a restart every spec runs exactly once. One fleet for all six (restarts are cheap, fleets not).
 */
@ExtendWith(ChaosFleet.class)
class ServiceKillChaosIT {

    private static final int BATCH = 4;
    private static final long SEED = Long.getLong("chaos.seed", System.nanoTime());
    private static final Random RANDOM = new Random(SEED);

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
    void aKilledServiceFailsAloneAndEverySpecStillRunsExactlyOnce(String service, String input, String progress) {
        Fleet fleet = ChaosFleet.fleet();
        List<String> batch = names("k" + ServiceDef.ALL.stream().map(ServiceDef::name).toList().indexOf(service),
                BATCH);
        int midway = 1 + RANDOM.nextInt(BATCH - 1);
        System.out.printf("chaos: kill -9 %s after %d of %d specs reached %s (seed %d)%n", service, midway, BATCH,
                progress, SEED);

        Pipeline.submit(fleet, batch);
        awaitKeys(fleet, progress, batch, midway, Pipeline.RUNNING_TIMEOUT);
        ChaosFleet.kill(service);

        assertOthersReady(fleet, service);
        List<String> probe = List.of();
        if (!service.equals(ServiceDef.INTAKE)) {
            // intake keeps accepting while the service is down
            probe = names("k" + batch.get(0).charAt(1) + "p", 1);
            Pipeline.submit(fleet, probe);
            awaitKeys(fleet, Topics.SPECS_ACCEPTED, probe, 1, Duration.ofMinutes(1));
        }
        // its upstream keeps consuming: the whole batch piles up on the dead service's input topic
        awaitKeys(fleet, input, batch, BATCH, Duration.ofMinutes(2));
        assertOthersReady(fleet, service);
        System.out.printf("chaos: %s down; %d of %d specs had passed it%n", service, keysOn(fleet, progress, batch),
                BATCH);

        ChaosFleet.restart(service);
        assertEachRanExactlyOnce(fleet, Pipeline.union(batch, probe));
        assertOthersReady(fleet, "");
    }
}
