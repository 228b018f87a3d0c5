package dev.gigafactory.monitor.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gigafactory.contracts.events.SpecRetired;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import dev.gigafactory.monitor.service.Fleet;
import dev.gigafactory.monitor.service.MonitorStore;
import dev.gigafactory.testsupport.Deployments;
import dev.gigafactory.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class SpecRetiredListenerTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Fleet fleet;
    @Inject
    MonitorStore store;

    private KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = KafkaTestClient.fromConfig();
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aRetiredSpecIsWatchedNoMoreNorAfterARestart() {
        String spec = "retired-" + UUID.randomUUID().toString().substring(0, 8);
        // nothing listens there: the watch exists, and its probes fail quietly until the retirement arrives
        kafka.publish(Deployments.of(spec, 1).url("http://127.0.0.1:9/" + spec).artifact("sha256:jar").slo(null)
                .build());
        await().atMost(WAIT).until(() -> fleet.watched(spec).isPresent());

        kafka.publish(new SpecRetired(spec, 1, 0, UUID.randomUUID().toString(), "kubernetes:test/" + spec,
                Instant.now()));

        await().atMost(WAIT).until(() -> fleet.watched(spec).isEmpty());
        assertThat(store.watched()).noneMatch(w -> w.deployment().spec().equals(spec));
    }

    @Test
    void aPoisonRetirementGoesToTheDeadLetterTopic() {
        String key = "retired-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.publishRaw(Topics.SPECS_RETIRED, key, "{}".getBytes(StandardCharsets.UTF_8), null);

        assertThat(kafka.awaitRecord(Topics.DLQ, r -> key.equals(r.key()), WAIT).value())
                .isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }
}
