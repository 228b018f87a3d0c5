package dev.gigafactory.intake.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.EncodedEvent;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import dev.gigafactory.intake.Specs;
import dev.gigafactory.testsupport.Deployments;
import dev.gigafactory.testsupport.KafkaClientPerTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status read model follows the whole pipeline and shows it through the API. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class PipelineEventListenerTest extends KafkaClientPerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void followsASpecFromSubmissionToRunning() {
        SpecAccepted accepted = submit("status-flow");
        kafka.publish(new PlanCreated("status-flow", 1, 1, PlanCreated.PlanKind.INITIAL, accepted.document(),
                List.of(), List.of(), "version 1"));
        kafka.publish(new CodeGenerated("status-flow", 1, 1, "jdk-http", "template", "sha256:" + "a".repeat(64), 9,
                accepted.document()));
        kafka.publish(new TestsCompleted("status-flow", 1, 1, true, "sha256:" + "a".repeat(64),
                "sha256:" + "b".repeat(64), List.of(), null, "", 10, accepted.document()));
        kafka.publish(deployed("status-flow", 1, DeploymentCompleted.DEPLOY));

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/specs/status-flow").then().statusCode(200)
                .body("stage", equalTo("running"), "url", equalTo("http://127.0.0.1:1234")));
        JsonPath status = given().get("/api/specs/status-flow").then().extract().jsonPath();
        assertThat(status.getList("timeline.stage")).containsExactly("submitted", "accepted", "planned", "coded",
                "tested", "deployed", "running");
        assertThat(status.getList("timeline.event")).contains("dev.gigafactory.plan.created.v1");
        assertThat(status.getList("timeline.eventId", String.class)).doesNotContainNull();
    }

    @Test
    void aReplayedEventChangesNothing() {
        SpecAccepted accepted = submit("status-replay");
        PlanCreated plan = new PlanCreated("status-replay", 1, 1, PlanCreated.PlanKind.INITIAL,
                accepted.document(), List.of(), List.of(), "version 1");
        kafka.publish(plan);
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/specs/status-replay").then()
                .body("stage", equalTo("planned")));

        kafka.publish(plan);
        kafka.publish(plan);
        EncodedEvent marker = CloudEventCodec.encode(new CodeGenerated("status-replay", 1, 1, "jdk-http",
                "template", "sha256:" + "c".repeat(64), 3, accepted.document()), "/test");
        kafka.publishRaw(marker.topic(), marker.key(), marker.value(), marker.headers());

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/specs/status-replay").then()
                .body("stage", equalTo("coded")));
        List<String> stages = given().get("/api/specs/status-replay").then().extract().jsonPath()
                .getList("timeline.stage");
        assertThat(stages).containsExactly("submitted", "accepted", "planned", "coded");
    }

    @Test
    void aRollbackShowsTheNewerVersionOutOfServiceAndTheOlderOneRunning() {
        String name = "status-rollback";
        submit(name);
        given().contentType("application/yaml").body(Specs.bytes(Specs.withExtraField(name))).post("/api/specs")
                .then().statusCode(202);
        kafka.awaitEvent(SpecAccepted.class, e -> e.spec().equals(name) && e.version() == 2, WAIT);
        kafka.publish(deployed(name, 2, DeploymentCompleted.DEPLOY));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/specs/" + name).then()
                .body("version", equalTo(2), "stage", equalTo("running")));

        kafka.publish(deployed(name, 1, DeploymentCompleted.rollbackFor("incident-7")));

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/specs/" + name).then()
                .body("version", equalTo(2), "stage", equalTo("failed")));
        given().get("/api/specs/" + name).then()
                .body("timeline[-1].detail", equalTo("rolled back: v1 serves in its place at http://127.0.0.1:1234"));
        given().get("/api/specs/" + name + "/versions/1").then().body("stage", equalTo("running"));
    }

    @Test
    void deadLettersARecordThatIsNotAnEvent() {
        kafka.publishRaw(Topics.PLANS_CREATED, "status-poison", Specs.bytes("not an event"), null);

        var dead = kafka.awaitRecord(Topics.DLQ, r -> "status-poison".equals(r.key()), WAIT);

        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value())).contains("ce_specversion");
    }

    private static DeploymentCompleted deployed(String name, int version, String cause) {
        return Deployments.of(name, version).url("http://127.0.0.1:1234").artifact("sha256:" + "b".repeat(64))
                .detail("healthy").cause(cause).build();
    }

    private SpecAccepted submit(String name) {
        given().contentType("application/yaml").body(Specs.bytes(Specs.yaml(name))).post("/api/specs").then()
                .statusCode(202);
        return kafka.awaitEvent(SpecAccepted.class, e -> e.spec().equals(name), WAIT);
    }
}
