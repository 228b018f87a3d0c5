package dev.gigafactory.planner.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.contracts.events.PlanCreated.PlanKind;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.TestsWaiting;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import dev.gigafactory.planner.PlanEvents;
import dev.gigafactory.planner.PlannerListenerTest;
import dev.gigafactory.planner.PlannerSamples;
import dev.gigafactory.testsupport.ExampleSpecs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class PlanningListenerTest extends PlannerListenerTest {

    @Test
    void anAcceptedSpecBecomesAStoredAndPublishedPlan() {
        ServiceSpec spec = PlannerSamples.library("plan-new");

        kafka.publish(PlannerSamples.accepted(spec, 1, null));

        PlanCreated plan = kafka.awaitEvent(PlanCreated.class, p -> p.spec().equals("plan-new"), WAIT);
        assertThat(plan.kind()).isEqualTo(PlanKind.INITIAL);
        assertThat(plan.document().name()).isEqualTo("plan-new");
        assertThat(plan.tasks()).isNotEmpty();
        given().get("/api/plans/plan-new/versions/1").then().statusCode(200)
                .body("plans.kind", contains("INITIAL"), "plans[0].tasks[0]", equalTo("project"),
                        "state", equalTo("planning"));
    }

    @Test
    void aChangedVersionIsPlannedOnTheTreeThePreviousVersionPassedWith() {
        ServiceSpec v1 = PlannerSamples.library("plan-incremental");
        ServiceSpec v2 = ExampleSpecs.parse(ExampleSpecs.renamedText("library.yaml", "plan-incremental")
                .replace("maxLength: 120", "maxLength: 80"));
        kafka.publish(PlannerSamples.accepted(v1, 1, null));
        kafka.awaitEvent(PlanCreated.class, p -> p.spec().equals("plan-incremental"), WAIT);

        kafka.publish(PlannerSamples.passed(v1, 1, 1, PlannerSamples.digest(41)));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/plans/plan-incremental/versions/1").then()
                .body("passedSourceDigest", equalTo(PlannerSamples.digest(41))));
        kafka.publish(PlannerSamples.accepted(v2, 2, v1));

        PlanCreated plan = kafka.awaitEvent(PlanCreated.class, p -> p.spec().equals("plan-incremental")
                && p.version() == 2, WAIT);
        assertThat(plan.kind()).isEqualTo(PlanKind.INCREMENTAL);
        assertThat(plan.baseDigest()).isEqualTo(PlannerSamples.digest(41));
        assertThat(plan.tasks()).extracting(PlanTask::id).containsExactly("project", "entity:Book", "requirements",
                "tests");
    }

    @Test
    void aRedeliveredAcceptanceMakesNoSecondPlan() {
        ServiceSpec spec = PlannerSamples.library("plan-dup");
        SpecAccepted v1 = PlannerSamples.accepted(spec, 1, null);

        kafka.publish(v1);
        kafka.publish(v1);
        // Same topic and key, so once version 2 is planned both copies of version 1 were handled.
        kafka.publish(PlannerSamples.accepted(spec, 2, spec));
        kafka.awaitEvent(PlanCreated.class, p -> p.spec().equals("plan-dup") && p.version() == 2, WAIT);

        assertThat(PlanEvents.of(kafka, "plan-dup")).filteredOn(e -> e.version() == 1).hasSize(1);
        given().get("/api/plans/plan-dup/versions/1").then().body("plans.attempt", contains(1));
    }

    @Test
    void aReplanIncidentGetsARemediationPlanOfTheStoredDocument() {
        ServiceSpec spec = PlannerSamples.library("plan-replan");
        kafka.publish(PlannerSamples.accepted(spec, 1, null));
        kafka.awaitEvent(PlanCreated.class, p -> p.spec().equals("plan-replan"), WAIT);

        kafka.publish(PlannerSamples.incident("plan-replan", 1, 1, Remediation.RESTART));
        kafka.publish(PlannerSamples.incident("plan-replan", 1, 1, Remediation.REPLAN));

        PlanCreated remediation = kafka.awaitEvent(PlanCreated.class,
                p -> p.spec().equals("plan-replan") && p.kind() == PlanKind.REMEDIATION, WAIT);
        assertThat(remediation.attempt()).isEqualTo(2);
        // The incident carries no document: this one is the accepted version's, as stored.
        assertThat(remediation.document()).isEqualTo(Json.read(Json.write(spec), ServiceSpec.class));
        assertThat(remediation.reason()).contains("inc-replan", "p99 latency");
        assertThat(PlanEvents.of(kafka, "plan-replan")).hasSize(2);
    }

    @Test
    void aFailedOlderVersionIsNotRepairedOnceANewerOneIsAccepted() {
        ServiceSpec spec = PlannerSamples.library("plan-newer");
        kafka.publish(PlannerSamples.accepted(spec, 1, null));
        kafka.publish(PlannerSamples.accepted(spec, 2, spec));
        kafka.awaitEvent(PlanCreated.class, p -> p.spec().equals("plan-newer") && p.version() == 2, WAIT);

        kafka.publish(PlannerSamples.failedWithCases(spec, 1, 1, "v1 failed"));
        kafka.publish(PlannerSamples.failedWithCases(spec, 2, 1, "v2 failed"));

        // Same topic and key: once version 2's repair is out, version 1's verdict was handled before it.
        kafka.awaitEvent(PlanCreated.class, p -> p.spec().equals("plan-newer") && p.version() == 2
                && p.kind() == PlanKind.REPAIR, WAIT);
        assertThat(PlanEvents.of(kafka, "plan-newer")).filteredOn(e -> e.version() == 1).hasSize(1);
    }

    @Test
    void aTesterWaitingOutAnOutageSpendsNoAttempt() {
        ServiceSpec spec = PlannerSamples.library("plan-waiting");
        kafka.publish(PlannerSamples.accepted(spec, 1, null));
        kafka.awaitEvent(PlanCreated.class, p -> p.spec().equals("plan-waiting"), WAIT);

        kafka.publish(new TestsWaiting("plan-waiting", 1, 1, PlannerSamples.digest(1), "no sandbox", Instant.now()));
        kafka.publish(PlannerSamples.failedWithCases(spec, 1, 1, "step 0 failed"));

        // Same key: the repair of attempt 1 shows the waiting notice before it was handled, and spent nothing.
        PlanCreated repair = kafka.awaitEvent(PlanCreated.class, p -> p.spec().equals("plan-waiting")
                && p.kind() == PlanKind.REPAIR, WAIT);
        assertThat(repair.attempt()).isEqualTo(2);
        assertThat(kafka.records(Topics.DLQ)).noneMatch(dead -> "plan-waiting".equals(dead.key()));
    }

    @Test
    void deadLettersARecordThatIsNotAnEventAndKeepsGoing() {
        kafka.publishRaw(Topics.SPECS_ACCEPTED, "plan-poison", "{]".getBytes(StandardCharsets.UTF_8), null);
        kafka.publish(PlannerSamples.accepted(PlannerSamples.library("plan-poison"), 1, null));

        kafka.awaitRecord(Topics.DLQ, r -> "plan-poison".equals(r.key()), WAIT);
        assertThat(kafka.awaitEvent(PlanCreated.class, p -> p.spec().equals("plan-poison"), WAIT).version())
                .isEqualTo(1);
    }
}
