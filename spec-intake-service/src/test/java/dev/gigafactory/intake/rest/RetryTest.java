package dev.gigafactory.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.gigafactory.contracts.events.PlanAbandoned;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.SpecRetried;
import dev.gigafactory.contracts.events.SpecUnchanged;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.events.TestsWaiting;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import dev.gigafactory.intake.Specs;
import dev.gigafactory.testsupport.Deployments;
import dev.gigafactory.testsupport.KafkaClientPerTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A version that failed for good can be built again unchanged; a resubmission says how, instead of nothing. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class RetryTest extends KafkaClientPerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void retriesAnAbandonedVersionWithTheSameDocument() {
        SpecAccepted accepted = failForGood("retry-abandoned");

        given().post("/api/specs/retry-abandoned/retry").then().statusCode(202)
                .body("version", equalTo(1), "retry", equalTo(1), "status", equalTo("/api/specs/retry-abandoned"));

        SpecRetried retried = kafka.awaitEvent(SpecRetried.class, e -> e.spec().equals("retry-abandoned"), WAIT);
        assertThat(retried.digest()).isEqualTo(accepted.digest());
        assertThat(retried.document()).isEqualTo(accepted.document());
        assertThat(retried.retry()).isEqualTo(1);
        assertThat(retried.previousFailure()).contains("attempt budget of 3 spent");
        given().get("/api/specs/retry-abandoned").then().body("stage", equalTo("retried"), "retry", nullValue(),
                "timeline[-1].stage", equalTo("retried"),
                "timeline[-1].detail", containsString("fresh budget"));
    }

    @Test
    void aSecondRetryWhileTheFirstIsUnderWayIsRefused() {
        failForGood("retry-twice");
        given().post("/api/specs/retry-twice/retry").then().statusCode(202);

        given().post("/api/specs/retry-twice/retry").then().statusCode(409)
                .contentType(Problems.MEDIA_TYPE).body("detail", containsString("being retried already"));
    }

    @Test
    void refusesToRetryWhatDidNotFailForGood() {
        SpecAccepted accepted = submit("retry-running");
        kafka.publish(
                Deployments.of("retry-running", 1).url("http://127.0.0.1:1234").artifact("sha256:" + "b".repeat(64))
                        .detail("healthy").build());
        awaitStage("retry-running", "running");
        given().post("/api/specs/retry-running/retry").then().statusCode(409)
                .body("detail", containsString("version 1 is running"));

        kafka.publish(new TestsCompleted("retry-running", 1, 2, false, "sha256:" + "a".repeat(64), null, List.of(),
                "step 0 failed", "", 10, accepted.document(), "llm"));
        awaitStage("retry-running", "failed");
        given().post("/api/specs/retry-running/retry").then().statusCode(409)
                .body("detail", containsString("waits for the planner's decision"));

        given().post("/api/specs/no-such-spec/retry").then().statusCode(404);
    }

    @Test
    void anUnchangedResubmissionOfAFailedVersionSaysSoAndHowToRetry() {
        failForGood("retry-resubmit");

        given().contentType("application/yaml").body(Specs.bytes(Specs.yaml("retry-resubmit"))).post("/api/specs")
                .then().statusCode(200).body("unchanged", equalTo(true), "stage", equalTo("failed"),
                        "message", containsString("version 1 failed: abandoned: attempt budget of 3 spent"),
                        "message", containsString("./factory retry retry-resubmit"),
                        "retry.url", equalTo("/api/specs/retry-resubmit/retry"));

        kafka.publishRaw(Topics.SPECS_SUBMITTED, "retry-resubmit", Specs.bytes(Specs.yaml("retry-resubmit")), null);
        SpecUnchanged answer = kafka.awaitEvent(SpecUnchanged.class, e -> e.spec().equals("retry-resubmit"), WAIT);
        assertThat(answer.version()).isEqualTo(1);
        assertThat(answer.stage()).isEqualTo("failed");
        assertThat(answer.detail()).contains("a resubmission is not a retry");
        assertThat(answer.retryHint()).contains("./factory retry retry-resubmit");
        given().get("/api/specs/retry-resubmit").then().body("version", equalTo(1), "stage", equalTo("failed"));
    }

    @Test
    void aVersionTheTesterCannotRunYetShowsWaitingAndWhy() {
        submit("retry-waiting");
        kafka.publish(new TestsWaiting("retry-waiting", 1, 1, "sha256:" + "a".repeat(64),
                "bubblewrap (bwrap) is not installed", Instant.now()));

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/specs/retry-waiting").then()
                .body("stage", equalTo("waiting"),
                        "timeline[-1].detail", equalTo("tester cannot run: bubblewrap (bwrap) is not installed")));
    }

    private SpecAccepted failForGood(String name) {
        SpecAccepted accepted = submit(name);
        kafka.publish(new PlanAbandoned(name, 1, 3, "attempt budget of 3 spent; last failure: step 0"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/specs/" + name).then()
                .body("stage", equalTo("failed"), "digest", equalTo(accepted.digest()),
                        "retry.command", equalTo("./factory retry " + name)));
        return accepted;
    }

    private SpecAccepted submit(String name) {
        given().contentType("application/yaml").body(Specs.bytes(Specs.yaml(name))).post("/api/specs").then()
                .statusCode(202);
        return kafka.awaitEvent(SpecAccepted.class, e -> e.spec().equals(name), WAIT);
    }

    private static void awaitStage(String name, String stage) {
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/specs/" + name).then().body("stage",
                equalTo(stage)));
    }
}
