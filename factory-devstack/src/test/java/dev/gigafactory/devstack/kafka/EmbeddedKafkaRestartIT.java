package dev.gigafactory.devstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.testsupport.KafkaTestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./factory down, then up: the broker comes back on its own data with what it had. */
class EmbeddedKafkaRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void aBrokerRestartedOnItsDataDirKeepsItsRecords() {
        try (EmbeddedKafka first = EmbeddedKafka.start(dataDir);
                KafkaTestClient client = KafkaTestClient.connect(first.bootstrapServers())) {
            client.publishRaw(Topics.SPECS_SUBMITTED, "kept", "before".getBytes(StandardCharsets.UTF_8), null);
        }

        try (EmbeddedKafka second = EmbeddedKafka.start(dataDir);
                KafkaTestClient client = KafkaTestClient.connect(second.bootstrapServers())) {
            var record = client.awaitRecord(Topics.SPECS_SUBMITTED, r -> "kept".equals(r.key()),
                    Duration.ofSeconds(30));
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("before");
        }
        assertThat(Files.exists(dataDir.resolve("logs"))).isTrue();
    }
}
