package dev.gigafactory.devstack.testing;

import dev.gigafactory.devstack.infra.InfraProcess;
import dev.gigafactory.devstack.infra.InfraProcess.Component;
import dev.gigafactory.devstack.kafka.TopicCatalog;
import dev.gigafactory.devstack.postgres.PostgresEndpoint;
import java.time.Duration;

/**
 * One broker and one database server per test JVM, each in a child JVM started on first use and stopped when this
 * JVM exits (the child also exits by itself if this JVM is killed).
 *
 * <p>
 * Quarkus may load test resources in more than one class loader, each with its own statics, so the addresses live in
 * JVM-wide system properties and the locks are string literals, which the JVM interns across class loaders.
 */
final class SharedInfra {

    static final String KAFKA_BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    static final String POSTGRES_URL_ENV = "FACTORY_POSTGRES_URL";

    private static final String KAFKA_PROPERTY = "dev.gigafactory.devstack.shared.kafka";
    private static final String POSTGRES_PROPERTY = "dev.gigafactory.devstack.shared.postgres";

    private SharedInfra() {
    }

    static String kafkaBootstrapServers() {
        String external = System.getenv(KAFKA_BOOTSTRAP_ENV);
        if (external != null && !external.isBlank()) {
            synchronized (KAFKA_PROPERTY) {
                if (System.getProperty(KAFKA_PROPERTY) == null) {
                    TopicCatalog.createAll(external, Duration.ofSeconds(60));
                    System.setProperty(KAFKA_PROPERTY, external);
                }
            }
            return external;
        }
        synchronized (KAFKA_PROPERTY) {
            String known = System.getProperty(KAFKA_PROPERTY);
            if (known == null) {
                known = startAndStopOnExit(Component.KAFKA).addresses().kafka();
                System.setProperty(KAFKA_PROPERTY, known);
            }
            return known;
        }
    }

    static PostgresEndpoint postgres() {
        String external = System.getenv(POSTGRES_URL_ENV);
        if (external != null && !external.isBlank()) {
            return PostgresEndpoint.parse(external);
        }
        synchronized (POSTGRES_PROPERTY) {
            String known = System.getProperty(POSTGRES_PROPERTY);
            if (known == null) {
                known = startAndStopOnExit(Component.POSTGRES).addresses().postgres().toUrl();
                System.setProperty(POSTGRES_PROPERTY, known);
            }
            return PostgresEndpoint.parse(known);
        }
    }

    private static InfraProcess startAndStopOnExit(Component component) {
        InfraProcess infra = InfraProcess.forTests(component);
        Runtime.getRuntime().addShutdownHook(new Thread(infra::close, "devstack-" + component + "-stop"));
        return infra;
    }
}
