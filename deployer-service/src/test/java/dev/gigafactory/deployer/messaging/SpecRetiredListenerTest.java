package dev.gigafactory.deployer.messaging;

import static dev.gigafactory.deployer.testing.Verdicts.passed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.SpecRetired;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.service.DeploymentTarget;
import dev.gigafactory.devstack.testing.FixtureProducts;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.KafkaTestClient;
import dev.gigafactory.devstack.testing.PostgresResource;
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
    ArtifactStore artifacts;
    @Inject
    DeploymentTarget target;

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
    void aRetiredSpecsProductIsStopped() {
        String spec = "retire-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.publish(passed(spec, 1, 1, artifacts.put(FixtureProducts.jar("retiring"))));
        DeploymentCompleted deployed = kafka.awaitEvent(DeploymentCompleted.class, d -> d.spec().equals(spec),
                WAIT);
        assertThat(deployed.succeeded()).as(deployed.detail()).isTrue();
        long pid = target.status(spec).orElseThrow().pid();

        kafka.publish(new SpecRetired(spec, 1, 0, UUID.randomUUID().toString(), "kubernetes:test/" + spec,
                Instant.now()));

        await().atMost(WAIT).until(() -> target.status(spec).filter(Deployment::running).isEmpty());
        await().atMost(WAIT).until(() -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty());
    }

    @Test
    void aPoisonRetirementGoesToTheDeadLetterTopic() {
        String key = "retire-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.publishRaw(Topics.SPECS_RETIRED, key, "{}".getBytes(StandardCharsets.UTF_8), null);

        assertThat(kafka.awaitRecord(Topics.DLQ, r -> key.equals(r.key()), WAIT).value())
                .isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }
}
