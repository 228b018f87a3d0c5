package dev.gigafactory.deployer.messaging;

import static dev.gigafactory.deployer.testing.Verdicts.incident;
import static dev.gigafactory.deployer.testing.Verdicts.passed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.contracts.events.SpecRetired;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.testing.DeployerListenerTest;
import dev.gigafactory.deployer.testing.Http;
import dev.gigafactory.deployer.testing.Http.Answer;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import dev.gigafactory.testsupport.FixtureProducts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class SpecRetiredListenerTest extends DeployerListenerTest {

    @Test
    void aRetiredSpecsProductIsStopped() {
        String spec = newSpec("retire");
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
    void aVerdictArrivingAfterTheRetirementStartsNothingButANewerVersionDeploys() {
        String spec = newSpec("retire");
        String digest = artifacts.put(FixtureProducts.jar("retired"));
        DeploymentCompleted first = deployArtifact(spec, 1, digest);
        SpecRetired retirement = retirement(spec, 1);
        kafka.publish(retirement);
        kafka.publish(retirement); // re-announced after an operator restart: the same fact
        awaitStopped(spec);

        kafka.publish(passed(spec, 1, 1, digest)); // redelivered
        kafka.publish(passed(spec, 1, 2, artifacts.put(FixtureProducts.jar("late-gate")))); // a gate that was late
        fence(Topics.TESTS_COMPLETED, spec);

        assertThat(deploymentsOf(spec)).hasSize(1);
        assertThat(target.status(spec).filter(Deployment::running)).isEmpty();
        assertThat(Http.get(first.url() + "/label")).isEmpty();

        DeploymentCompleted again = deployArtifact(spec, 2, artifacts.put(FixtureProducts.jar("applied-again")));
        assertThat(Http.get(again.url() + "/label")).contains(new Answer(200, "applied-again"));
        assertThat(deploymentsOf(spec)).hasSize(2);
    }

    @Test
    void aRemediationForARetiredProductDoesNotBringItBack() {
        String spec = newSpec("retire");
        DeploymentCompleted first = deployArtifact(spec, 1, artifacts.put(FixtureProducts.jar("gone")));
        kafka.publish(retirement(spec, 1));
        awaitStopped(spec);

        // the monitor saw it go down before it saw the retirement
        kafka.publish(incident(spec, 1, Remediation.RESTART));
        kafka.publish(incident(spec, 1, Remediation.ROLLBACK));
        fence(Topics.INCIDENTS_DETECTED, spec);

        assertThat(deploymentsOf(spec)).hasSize(1);
        assertThat(target.status(spec).filter(Deployment::running)).isEmpty();
        assertThat(Http.get(first.url() + "/health")).isEmpty();
    }

    @Test
    void aPoisonRetirementGoesToTheDeadLetterTopic() {
        String key = "retire-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.publishRaw(Topics.SPECS_RETIRED, key, "{}".getBytes(StandardCharsets.UTF_8), null);

        assertThat(kafka.awaitRecord(Topics.DLQ, r -> key.equals(r.key()), WAIT).value())
                .isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }

    private static SpecRetired retirement(String spec, int version) {
        return new SpecRetired(spec, version, 0, UUID.randomUUID().toString(), "kubernetes:test/" + spec,
                Instant.now());
    }

    private void awaitStopped(String spec) {
        await().atMost(WAIT).until(() -> target.status(spec).filter(Deployment::running).isEmpty());
    }

    // Same key, same partition: once this poison record is dead-lettered, every record published before it was consumed.
    private void fence(String topic, String spec) {
        byte[] fence = ("fence " + topic).getBytes(StandardCharsets.UTF_8);
        kafka.publishRaw(topic, spec, fence, null);
        kafka.awaitRecord(Topics.DLQ, r -> spec.equals(r.key()) && Arrays.equals(fence, r.value()), WAIT);
    }
}
