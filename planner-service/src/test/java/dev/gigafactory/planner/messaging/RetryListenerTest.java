package dev.gigafactory.planner.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.EncodedEvent;
import dev.gigafactory.contracts.events.PlanAbandoned;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanCreated.PlanKind;
import dev.gigafactory.contracts.events.SpecRetried;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import dev.gigafactory.planner.PlanEvents;
import dev.gigafactory.planner.PlannerListenerTest;
import dev.gigafactory.planner.PlannerSamples;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A failed version retried through factory.specs.accepted gets a new round; a redelivered retry changes nothing. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class RetryListenerTest extends PlannerListenerTest {

    @Test
    void aTemplateGapEndsTheVersionAndARetryStartsANewRoundAfterIt() {
        ServiceSpec spec = PlannerSamples.library("retry-gap");
        kafka.publish(PlannerSamples.accepted(spec, 1, null));
        kafka.awaitEvent(PlanCreated.class, p -> p.spec().equals("retry-gap"), WAIT);
        kafka.publish(PlannerSamples.failedBy("template", spec, 1, 1, PlannerSamples.digest(1), "expected 400"));
        PlanAbandoned gap = kafka.awaitEvent(PlanAbandoned.class, a -> a.spec().equals("retry-gap"), WAIT);
        assertThat(gap.reason()).contains("template agent cannot satisfy", "CODER_LLM_BASE_URL");

        SpecRetried retry = PlannerSamples.retried(spec, 1, 1, gap.reason());
        kafka.publish(retry);
        kafka.publish(retry); // redelivered

        PlanCreated plan = kafka.awaitEvent(PlanCreated.class,
                p -> p.spec().equals("retry-gap") && p.kind() == PlanKind.RETRY, WAIT);
        assertThat(plan.attempt()).isEqualTo(2);
        assertThat(plan.reason()).startsWith("retry 1 of version 1 (fresh budget of 3 attempts); it failed: ");
        // The new round repairs again; same key on the accepted topic, so the redelivered retry was handled before.
        kafka.publish(PlannerSamples.failedWithCases(spec, 1, 2, "llm code still wrong"));
        PlanCreated repair = kafka.awaitEvent(PlanCreated.class,
                p -> p.spec().equals("retry-gap") && p.attempt() == 3, WAIT);
        assertThat(repair.kind()).isEqualTo(PlanKind.REPAIR);
        assertThat(repair.evidence().failedDigests()).containsExactly(PlannerSamples.digest(1),
                PlannerSamples.digest(2));
        kafka.publish(PlannerSamples.accepted(spec, 2, spec));
        kafka.awaitEvent(PlanCreated.class, p -> p.spec().equals("retry-gap") && p.version() == 2, WAIT);
        assertThat(PlanEvents.of(kafka, "retry-gap")).filteredOn(e -> e instanceof PlanCreated p
                && p.kind() == PlanKind.RETRY).hasSize(1);
        given().get("/api/plans/retry-gap/versions/1").then().statusCode(200)
                .body("state", equalTo("planning"), "plans.kind", contains("INITIAL", "RETRY", "REPAIR"));
    }

    @Test
    void deadLettersAnotherEventTypeOnTheAcceptedTopic() {
        ServiceSpec spec = PlannerSamples.library("retry-wrong-type");
        EncodedEvent wrong = CloudEventCodec.encode(PlannerSamples.failed(spec, 1), "/test");
        kafka.publishRaw(Topics.SPECS_ACCEPTED, "retry-wrong-type", wrong.value(), wrong.headers());

        kafka.awaitRecord(Topics.DLQ, r -> "retry-wrong-type".equals(r.key()), WAIT);
    }
}
