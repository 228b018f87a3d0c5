package dev.gigafactory.planner.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanCreated.PlanKind;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.KafkaTestClient;
import dev.gigafactory.planner.PlannerSamples;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
class PlanningListenerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
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
    void anAcceptedSpecBecomesAPlan() {
        ServiceSpec spec = PlannerSamples.library("plan-new");

        kafka.publish(PlannerSamples.accepted(spec, 1, null));

        PlanCreated plan = kafka.awaitEvent(PlanCreated.class, p -> p.spec().equals("plan-new"), WAIT);
        assertThat(plan.kind()).isEqualTo(PlanKind.INITIAL);
        assertThat(plan.document().name()).isEqualTo("plan-new");
        assertThat(plan.tasks()).isNotEmpty();
    }

    @Test
    void failedTestsAreRepairedUntilTheBudgetRunsOut() {
        ServiceSpec spec = PlannerSamples.library("plan-repair");

        // Same key, same partition: once the repair of attempt 1 is out, the exhausted attempt 3 was handled before.
        kafka.publish(PlannerSamples.failed(spec, 3));
        kafka.publish(PlannerSamples.failed(spec, 1));

        PlanCreated repair = kafka.awaitEvent(PlanCreated.class, p -> p.spec().equals("plan-repair"), WAIT);
        assertThat(repair.kind()).isEqualTo(PlanKind.REPAIR);
        assertThat(repair.attempt()).isEqualTo(2);
        assertThat(kafka.records(Topics.PLANS_CREATED)).filteredOn(r -> "plan-repair".equals(r.key())).hasSize(1);
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
