package dev.gigafactory.deployer.messaging;

import static dev.gigafactory.deployer.testing.Verdicts.incident;
import static dev.gigafactory.deployer.testing.Verdicts.passed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.deployer.service.DeploymentTarget;
import dev.gigafactory.deployer.testing.Http;
import dev.gigafactory.deployer.testing.Http.Answer;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import dev.gigafactory.testsupport.FixtureProducts;
import dev.gigafactory.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class IncidentDetectedListenerTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    ArtifactStore artifacts;
    @Inject
    DeploymentTarget target;

    private final List<String> specs = new ArrayList<>();
    private KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = KafkaTestClient.fromConfig();
    }

    @AfterEach
    void stopProducts() {
        specs.forEach(target::stop);
        kafka.close();
    }

    @Test
    void aCrashedProductServesAgainAfterARestartIncident() throws Exception {
        String spec = newSpec();
        DeploymentCompleted deployed = deploy(spec, 1, "phoenix");
        ProcessHandle process = ProcessHandle.of(target.status(spec).orElseThrow().pid()).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> Http.get(deployed.url() + "/health").map(Answer::status).orElse(0) == 502);

        IncidentDetected crash = incident(spec, 1, Remediation.RESTART);
        kafka.publish(crash);

        DeploymentCompleted restarted = kafka.awaitEvent(DeploymentCompleted.class,
                d -> d.spec().equals(spec) && d.detail().contains(crash.incidentId()), WAIT);
        assertThat(restarted.succeeded()).as(restarted.detail()).isTrue();
        assertThat(restarted.version()).isEqualTo(1);
        assertThat(restarted.url()).isEqualTo(deployed.url());
        assertThat(Http.get(restarted.url() + "/label")).contains(new Answer(200, "phoenix"));
    }

    @Test
    void aRollbackIncidentBringsBackThePreviousVersionAndStopsTheBadOne() {
        String spec = newSpec();
        deploy(spec, 1, "good");
        DeploymentCompleted bad = deploy(spec, 2, "bad");
        long badPid = target.status(spec).orElseThrow().pid();

        IncidentDetected incident = incident(spec, 2, Remediation.ROLLBACK);
        kafka.publish(incident);

        DeploymentCompleted restored = kafka.awaitEvent(DeploymentCompleted.class,
                d -> d.spec().equals(spec) && d.detail().contains(incident.incidentId()), WAIT);
        assertThat(restored.version()).isEqualTo(1);
        assertThat(restored.url()).isEqualTo(bad.url());
        assertThat(Http.get(restored.url() + "/label")).contains(new Answer(200, "good"));
        await().atMost(WAIT).until(() -> ProcessHandle.of(badPid).filter(ProcessHandle::isAlive).isEmpty());
    }

    @Test
    void aPoisonIncidentGoesToTheDeadLetterTopic() {
        String key = newSpec();
        kafka.publishRaw(Topics.INCIDENTS_DETECTED, key, "{}".getBytes(StandardCharsets.UTF_8), null);

        assertThat(kafka.awaitRecord(Topics.DLQ, r -> key.equals(r.key()), WAIT).value())
                .isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }

    private DeploymentCompleted deploy(String spec, int version, String label) {
        kafka.publish(passed(spec, version, 1, artifacts.put(FixtureProducts.jar(label))));
        DeploymentCompleted done = kafka.awaitEvent(DeploymentCompleted.class,
                d -> d.spec().equals(spec) && d.version() == version, WAIT);
        assertThat(done.succeeded()).as(done.detail()).isTrue();
        return done;
    }

    private String newSpec() {
        String spec = "heal-" + UUID.randomUUID().toString().substring(0, 8);
        specs.add(spec);
        return spec;
    }
}
