package dev.gigafactory.e2e.chaos;

import dev.gigafactory.e2e.SharedFleet;

import static dev.gigafactory.e2e.chaos.Pipeline.assertEachRanExactlyOnce;
import static dev.gigafactory.e2e.chaos.Pipeline.awaitKeys;
import static dev.gigafactory.e2e.chaos.Pipeline.names;

import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.launcher.Fleet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The broker, then the database, restarted on their ports and data while a batch is in flight: the services ride out
 * the outage and every spec still runs exactly once.
 */
@ExtendWith(SharedFleet.class)
class InfraRestartChaosIT {

    private static final int BATCH = 6;
    private static final Duration DOWNTIME = Duration.ofSeconds(3);
    private static final Duration READY_AGAIN = Duration.ofSeconds(30);

    @Test
    void aBrokerRestartMidFlightLosesAndDuplicatesNothing() {
        Fleet fleet = SharedFleet.fleet();
        List<String> batch = names("kafka", BATCH);

        Pipeline.submit(fleet, batch);
        awaitKeys(fleet, Topics.PLANS_CREATED, batch, 2, Pipeline.RUNNING_TIMEOUT);
        fleet.restartKafka(DOWNTIME);

        assertEachRanExactlyOnce(fleet, batch);
        Pipeline.awaitAllReady(fleet, READY_AGAIN);
    }

    @Test
    void aDatabaseRestartMidFlightLosesAndDuplicatesNothing() {
        Fleet fleet = SharedFleet.fleet();
        List<String> batch = names("pg", BATCH);

        Pipeline.submit(fleet, batch);
        awaitKeys(fleet, Topics.SPECS_ACCEPTED, batch, 2, Pipeline.RUNNING_TIMEOUT);
        fleet.restartPostgres(DOWNTIME);
        List<String> afterwards = names("pgafter", 2);
        Pipeline.submit(fleet, afterwards);

        assertEachRanExactlyOnce(fleet, Pipeline.union(batch, afterwards));
        Pipeline.awaitAllReady(fleet, READY_AGAIN);
    }
}
