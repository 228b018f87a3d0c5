package dev.gigafactory.planner;

import dev.gigafactory.testsupport.KafkaClientPerTest;
import java.time.Duration;

/**
 * What the tests of the planner's listeners share: the running planner on the real broker and database, and a Kafka
 * client of each test's own.
 */
public abstract class PlannerListenerTest extends KafkaClientPerTest {

    protected static final Duration WAIT = Duration.ofSeconds(30);
}
