package dev.gigafactory.planner;

import dev.gigafactory.testsupport.KafkaTestClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the tests of the planner's listeners share: the running planner on the real broker and database, and a Kafka
 * client of each test's own.
 */
public abstract class PlannerListenerTest {

    protected static final Duration WAIT = Duration.ofSeconds(30);

    protected KafkaTestClient kafka;

    @BeforeEach
    void connectToTheBroker() {
        kafka = KafkaTestClient.fromConfig();
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }
}
