package dev.gigafactory.deployer.messaging;

import static dev.gigafactory.deployer.testing.Verdicts.failed;
import static dev.gigafactory.deployer.testing.Verdicts.passed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.TestsWaiting;
import dev.gigafactory.contracts.topics.Topics;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class TestsCompletedListenerTest extends DeployerListenerTest {

    @Test
    void deploysEachPassedVersionAndStopsTheVersionItReplaces() {
        String spec = newSpec("deploy");
        DeploymentCompleted first = deploy(spec, 1, "one");
        assertThat(Http.get(first.url() + "/health")).map(Answer::status).contains(200);
        assertThat(first.target()).isEqualTo("local");
        assertThat(first.slo()).isNotNull();

        long firstPid = target.status(spec).orElseThrow().pid();

        DeploymentCompleted second = deploy(spec, 2, "two");

        assertThat(second.url()).isEqualTo(first.url());
        assertThat(Http.get(second.url() + "/label")).contains(new Answer(200, "two"));
        await().atMost(WAIT).until(() -> ProcessHandle.of(firstPid).filter(ProcessHandle::isAlive).isEmpty());
        given().get("/api/deployments").then().statusCode(200)
                .body("'" + spec + "'.current.version", is(2))
                .body("'" + spec + "'.current.url", is(second.url()))
                .body("'" + spec + "'.previous.version", is(1));
    }

    @Test
    void aRedeliveredVerdictStartsNoSecondProcessAndIsNotAnnouncedAgain() {
        String spec = newSpec("deploy");
        String digest = artifacts.put(FixtureProducts.jar("again"));
        kafka.publish(passed(spec, 1, 1, digest));
        kafka.awaitEvent(DeploymentCompleted.class, d -> d.spec().equals(spec), WAIT);
        long pid = target.status(spec).orElseThrow().pid();

        kafka.publish(passed(spec, 1, 1, digest));
        // same key, same partition: once this is dead-lettered, the redelivered verdict before it has been consumed
        kafka.publishRaw(Topics.TESTS_COMPLETED, spec, "fence".getBytes(StandardCharsets.UTF_8), null);
        kafka.awaitRecord(Topics.DLQ, r -> spec.equals(r.key()), WAIT);

        assertThat(deploymentsOf(spec)).hasSize(1);
        assertThat(target.status(spec).orElseThrow().pid()).isEqualTo(pid);
    }

    @Test
    void aVersionThatNeverGetsReadyFailsAndThePreviousVersionKeepsServing() {
        String spec = newSpec("deploy");
        DeploymentCompleted first = deploy(spec, 1, "steady");

        kafka.publish(passed(spec, 2, 1, artifacts.put(FixtureProducts.brokenJar("crashing"))));

        DeploymentCompleted failure = kafka.awaitEvent(DeploymentCompleted.class,
                d -> d.spec().equals(spec) && d.version() == 2, WAIT);
        assertThat(failure.succeeded()).isFalse();
        assertThat(failure.url()).isNull();
        assertThat(failure.detail()).contains("exited with code 3").contains("fixture crashing refuses to start");
        assertThat(failure.detail()).contains("rolled back automatically: v1 keeps serving at " + first.url());
        assertThat(Http.get(first.url() + "/label")).contains(new Answer(200, "steady"));
    }

    @Test
    void aFailedVerdictDeploysNothing() {
        String spec = newSpec("deploy");
        kafka.publish(failed(spec, 1, 1, artifacts.put(FixtureProducts.jar("rejected"))));
        // Same key, same partition: once the repaired attempt is deployed, the failed one was seen before it.
        kafka.publish(passed(spec, 1, 2, artifacts.put(FixtureProducts.jar("repaired"))));

        DeploymentCompleted deployed = kafka.awaitEvent(DeploymentCompleted.class, d -> d.spec().equals(spec), WAIT);

        assertThat(deployed.attempt()).isEqualTo(2);
        assertThat(deploymentsOf(spec)).hasSize(1);
    }

    @Test
    void aTesterWaitingOutAnOutageIsSkippedNotDeadLettered() {
        String spec = newSpec("deploy");
        kafka.publish(new TestsWaiting(spec, 1, 1, "sha256:" + "a".repeat(64), "bubblewrap is not installed",
                Instant.now()));
        // Same key, same partition: once the verdict behind it is deployed, the waiting notice was consumed first.
        kafka.publish(passed(spec, 1, 1, artifacts.put(FixtureProducts.jar("after-the-outage"))));

        kafka.awaitEvent(DeploymentCompleted.class, d -> d.spec().equals(spec), WAIT);

        assertThat(kafka.records(Topics.DLQ)).noneMatch(dead -> spec.equals(dead.key()));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopic() {
        String key = newSpec("deploy");
        kafka.publishRaw(Topics.TESTS_COMPLETED, key, "not a verdict".getBytes(StandardCharsets.UTF_8), null);

        ConsumerRecord<String, byte[]> dead = kafka.awaitRecord(Topics.DLQ, r -> key.equals(r.key()), WAIT);

        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not a verdict");
    }

}
