package dev.gigafactory.e2e.chaos;

import static dev.gigafactory.e2e.chaos.Pipeline.assertEachRanExactlyOnce;
import static dev.gigafactory.e2e.chaos.Pipeline.assertOthersReady;
import static dev.gigafactory.e2e.chaos.Pipeline.awaitKeys;
import static dev.gigafactory.e2e.chaos.Pipeline.names;

import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.launcher.Fleet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The broker, then the database, restarted on their ports and data while a batch is in flight: the services ride out
 * the outage and every spec still runs exactly once.
 */
@ExtendWith(ChaosFleet.class)
class InfraRestartChaosIT {

    private static final int BATCH = 6;
    private static final Duration DOWNTIME = Duration.ofSeconds(3);

    @Test
    void aBrokerRestartMidFlightLosesAndDuplicatesNothing() {
        Fleet fleet = ChaosFleet.fleet();
        List<String> batch = names("kafka", BATCH);

        Pipeline.submit(fleet, batch);
        awaitKeys(fleet, Topics.PLANS_CREATED, batch, 2, Pipeline.RUNNING_TIMEOUT);
        fleet.restartKafka(DOWNTIME);

        assertEachRanExactlyOnce(fleet, batch);
        assertOthersReady(fleet, "");
    }

    @Test
    @Disabled("deployer-service bug: while PostgreSQL is down, TestsCompletedListener#consume fails with "
            + "'Connection refused' and the failure strategy dead-letters the valid TestsCompleted to factory.dlq "
            + "(SRMSG18202), so those specs are never deployed; spec-intake's pipeline-events consumer dead-letters "
            + "the same way, losing status updates. A transient database outage must not dead-letter (retry, or "
            + "pause the partition, until the database is back)")
    void aDatabaseRestartMidFlightLosesAndDuplicatesNothing() {
        Fleet fleet = ChaosFleet.fleet();
        List<String> batch = names("pg", BATCH);

        Pipeline.submit(fleet, batch);
        awaitKeys(fleet, Topics.SPECS_ACCEPTED, batch, 2, Pipeline.RUNNING_TIMEOUT);
        fleet.restartPostgres(DOWNTIME);
        List<String> afterwards = names("pgafter", 2);
        Pipeline.submit(fleet, afterwards);

        assertEachRanExactlyOnce(fleet, Pipeline.union(batch, afterwards));
        assertOthersReady(fleet, "");
    }
}
