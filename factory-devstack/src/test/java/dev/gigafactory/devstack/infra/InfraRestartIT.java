package dev.gigafactory.devstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.infra.InfraProcess.Component;
import dev.gigafactory.devstack.postgres.PostgresEndpoint;
import dev.gigafactory.testsupport.KafkaTestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chaos test restarts the broker or the database inside the running infrastructure JVM: same address, same data. */
class InfraRestartIT {

    @TempDir
    Path dir;

    @Test
    void theBrokerAndTheDatabaseComeBackOnTheirPortsWithTheirData() throws Exception {
        try (InfraProcess infra = InfraProcess.start(new InfraProcess.Options(dir, List.of(Component.KAFKA,
                Component.POSTGRES), false, true, false, dir.resolve("infra.log"), JavaCommand.currentClasspath()))) {
            String kafka = infra.addresses().kafka();
            PostgresEndpoint postgres = infra.addresses().postgres();
            try (KafkaTestClient client = KafkaTestClient.connect(kafka)) {
                client.publishRaw(Topics.SPECS_SUBMITTED, "kept", "before".getBytes(StandardCharsets.UTF_8), null);
            }
            postgres.createDatabase("chaos");
            execute(postgres, "CREATE TABLE spec (name text); INSERT INTO spec VALUES ('todo')");

            infra.restart(Component.KAFKA, Duration.ofMillis(500));
            infra.restart(Component.POSTGRES, Duration.ofMillis(500));

            try (KafkaTestClient client = KafkaTestClient.connect(kafka)) {
                var record = client.awaitRecord(Topics.SPECS_SUBMITTED, r -> "kept".equals(r.key()),
                        Duration.ofSeconds(30));
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("before");
            }
            try (Connection connection = postgres.connect("chaos");
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT name FROM spec")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("todo");
            }
        }
    }

    private static void execute(PostgresEndpoint postgres, String sql) throws Exception {
        try (Connection connection = postgres.connect("chaos"); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
