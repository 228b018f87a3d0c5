package dev.gigafactory.testsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test against the running service's broker with a Kafka client of its own: connected before each test
 * ({@code kafka.bootstrap.servers} of the running Quarkus test) and closed after it, after the subclass's own clean-up.
 */
public abstract class KafkaClientPerTest {

    protected KafkaTestClient kafka;

    @BeforeEach
    protected void connectToTheBroker() {
        kafka = KafkaTestClient.fromConfig();
    }

    @AfterEach
    protected void disconnectFromTheBroker() {
        kafka.close();
    }
}
