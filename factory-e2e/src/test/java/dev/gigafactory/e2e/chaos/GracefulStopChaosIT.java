package dev.gigafactory.e2e.chaos;

import dev.gigafactory.e2e.SharedFleet;

import static dev.gigafactory.e2e.chaos.Pipeline.assertEachRanExactlyOnce;
import static dev.gigafactory.e2e.chaos.Pipeline.awaitKeys;
import static dev.gigafactory.e2e.chaos.Pipeline.recordsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.launcher.Fleet;
import dev.gigafactory.e2e.FleetSupport;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SIGTERM while a service holds a spec (the coder writing it, the tester testing it, the deployer starting it): the
 * service finishes or hands the work back before it exits, so after a restart the spec runs exactly once.
 */
@ExtendWith(SharedFleet.class)
class GracefulStopChaosIT {

    /** The service, the topic that hands it the spec, and the topic its (single) result goes to. */
    static Stream<Arguments> services() {
        return Stream.of(Arguments.of("coder-service", Topics.PLANS_CREATED, Topics.CODE_GENERATED),
                Arguments.of("tester-service", Topics.CODE_GENERATED, Topics.TESTS_COMPLETED),
                Arguments.of("deployer-service", Topics.TESTS_COMPLETED, Topics.DEPLOYMENTS_COMPLETED));
    }

    @ParameterizedTest(name = "SIGTERM {0} while it works on a spec")
    @MethodSource("services")
    void aStoppedServiceFinishesOrHandsBackItsWork(String service, String input, String output) {
        Fleet fleet = SharedFleet.fleet();
        List<String> spec = Pipeline.names("term" + service.charAt(0), 1);

        Pipeline.submit(fleet, spec);
        awaitKeys(fleet, input, spec, 1, Pipeline.RUNNING_TIMEOUT);
        SharedFleet.terminate(service);
        SharedFleet.restart(service);

        assertEachRanExactlyOnce(fleet, spec);
        if (!output.equals(Topics.DEPLOYMENTS_COMPLETED)) {
            // deployments are counted by cause in assertEachRanExactlyOnce (a monitor's restart is its own event)
            assertThat(recordsOf(fleet, output, spec).stream().map(FleetSupport::ceId).distinct().count())
                    .as("distinct %s events of %s", output, spec).isEqualTo(1);
        }
    }
}
