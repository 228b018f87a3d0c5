package dev.gigafactory.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real KRaft broker with every catalog topic, shared by all tests of the JVM. With {@code KAFKA_BOOTSTRAP_SERVERS}
 * set, that broker is used instead (its catalog topics are created if missing).
 *
 * <p>
 * Topics are shared across the test classes of a JVM: give each test its own spec name so it only sees its events.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", SharedInfra.kafkaBootstrapServers());
    }

    @Override
    public void stop() {
        // the broker outlives one Quarkus application: it stops with the JVM
    }
}
