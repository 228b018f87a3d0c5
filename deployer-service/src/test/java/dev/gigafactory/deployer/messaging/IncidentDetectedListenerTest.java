package dev.gigafactory.deployer.messaging;

import static dev.gigafactory.deployer.testing.Verdicts.incident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.deployer.testing.DeployerListenerTest;
import dev.gigafactory.deployer.testing.Http;
import dev.gigafactory.deployer.testing.Http.Answer;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class IncidentDetectedListenerTest extends DeployerListenerTest {

    @Test
    void aCrashedProductServesAgainAfterARestartIncident() throws Exception {
        String spec = newSpec("heal");
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
        String spec = newSpec("heal");
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
        String key = newSpec("heal");
        kafka.publishRaw(Topics.INCIDENTS_DETECTED, key, "{}".getBytes(StandardCharsets.UTF_8), null);

        assertThat(kafka.awaitRecord(Topics.DLQ, r -> key.equals(r.key()), WAIT).value())
                .isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }
}
