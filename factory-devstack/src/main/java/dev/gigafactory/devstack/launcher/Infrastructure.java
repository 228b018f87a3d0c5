package dev.gigafactory.devstack.launcher;

import dev.gigafactory.devstack.infra.InfraProcess;
import dev.gigafactory.devstack.infra.InfraProcess.Component;
import dev.gigafactory.devstack.infra.JavaCommand;
import dev.gigafactory.devstack.kafka.TopicCatalog;
import dev.gigafactory.devstack.postgres.PostgresEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The broker and database a fleet uses: external ones when the environment names them ({@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code FACTORY_POSTGRES_URL=postgresql://user:password@host:port}), otherwise embedded ones in one background JVM.
 */
record Infrastructure(String kafka, PostgresEndpoint postgres, InfraProcess process) {

    static final String KAFKA_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    static final String POSTGRES_ENV = "FACTORY_POSTGRES_URL";

    static Infrastructure start(FleetOptions options, boolean needsDatabase, Map<String, String> environment) {
        String externalKafka = blankToNull(environment.get(KAFKA_ENV));
        String externalPostgres = blankToNull(environment.get(POSTGRES_ENV));
        List<Component> embedded = new ArrayList<>();
        if (externalKafka == null) {
            embedded.add(Component.KAFKA);
        }
        if (needsDatabase && externalPostgres == null) {
            embedded.add(Component.POSTGRES);
        }
        InfraProcess process = embedded.isEmpty()
                ? null
                : InfraProcess.start(new InfraProcess.Options(options.stateDir().resolve("infra"), embedded, false,
                        !options.detached(), options.detached(), options.stateDir().resolve("logs").resolve(
                                "infra.log"),
                        JavaCommand.currentClasspath()));
        String kafka = externalKafka != null ? externalKafka : process.addresses().kafka();
        if (externalKafka != null) {
            TopicCatalog.createAll(kafka, Duration.ofSeconds(60));
        }
        PostgresEndpoint postgres = !needsDatabase
                ? null
                : externalPostgres != null ? PostgresEndpoint.parse(externalPostgres) : process.addresses().postgres();
        return new Infrastructure(kafka, postgres, process);
    }

    /**
     * The embedded JVM's pid, if there is one. The record keeps the process object reachable on purpose: a collected
     * Process closes the stdin pipe that a child tied to its parent watches, and the child would exit.
     */
    Optional<Long> pid() {
        return Optional.ofNullable(process).map(InfraProcess::pid);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
