package dev.gigafactory.planner.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.gigafactory.contracts.events.Allowance;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.contracts.events.PlanAbandoned;
import dev.gigafactory.contracts.events.PlanCreated.PlanKind;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import dev.gigafactory.planner.PlanEvents;
import dev.gigafactory.planner.PlannerListenerTest;
import dev.gigafactory.planner.PlannerSamples;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A spec version that keeps failing, or spends too many tokens, ends as failed and says why. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class BudgetListenerTest extends PlannerListenerTest {

    @Test
    void failedTestsAreRepairedUntilTheAttemptsRunOut() {
        ServiceSpec spec = PlannerSamples.library("budget-attempts");
        kafka.publish(PlannerSamples.accepted(spec, 1, null));
        kafka.awaitEvent(PlanCreated.class, p -> p.spec().equals("budget-attempts"), WAIT);

        for (int attempt = 1; attempt <= 2; attempt++) {
            kafka.publish(PlannerSamples.failedWithCases(spec, 1, attempt, "title was null on attempt " + attempt));
            int next = attempt + 1;
            PlanCreated repair = kafka.awaitEvent(PlanCreated.class,
                    p -> p.spec().equals("budget-attempts") && p.attempt() == next, WAIT);
            assertThat(repair.kind()).isEqualTo(PlanKind.REPAIR);
            assertThat(repair.reason()).contains("title was null on attempt " + attempt);
        }
        kafka.publish(PlannerSamples.failedWithCases(spec, 1, 3, "title was null on attempt 3"));

        PlanAbandoned abandoned = kafka.awaitEvent(PlanAbandoned.class,
                a -> a.spec().equals("budget-attempts"), WAIT);
        assertThat(abandoned.attempt()).isEqualTo(3);
        assertThat(abandoned.reason()).contains("attempt budget of 3 spent", "title was null on attempt 3");
        given().get("/api/plans/budget-attempts/versions/1").then()
                .body("state", equalTo("failed"), "abandonedBudget", equalTo("attempts"));
    }

    @Test
    void anEndedVersionAnswersLaterRequestsWithNothing() {
        ServiceSpec spec = PlannerSamples.library("budget-ended");
        kafka.publish(PlannerSamples.accepted(spec, 1, null));
        kafka.awaitEvent(PlanCreated.class, p -> p.spec().equals("budget-ended"), WAIT);
        kafka.publish(PlannerSamples.failed(spec, 3));
        kafka.awaitEvent(PlanAbandoned.class, a -> a.spec().equals("budget-ended"), WAIT);

        kafka.publish(PlannerSamples.incident("budget-ended", 1, 1, Remediation.REPLAN));
        kafka.publish(PlannerSamples.accepted(spec, 2, spec));
        kafka.awaitEvent(PlanCreated.class, p -> p.spec().equals("budget-ended") && p.version() == 2, WAIT);
        // Same topic and key as the ignored request, so it was handled once version 2's remediation is out.
        kafka.publish(PlannerSamples.incident("budget-ended", 2, 1, Remediation.REPLAN));
        kafka.awaitEvent(PlanCreated.class, p -> p.spec().equals("budget-ended") && p.version() == 2
                && p.kind() == PlanKind.REMEDIATION, WAIT);

        List<FactoryEvent> aboutVersion1 = PlanEvents.of(kafka, "budget-ended").stream()
                .filter(e -> e.version() == 1).toList();
        assertThat(aboutVersion1).hasSize(2);
        assertThat(aboutVersion1.get(1)).isInstanceOf(PlanAbandoned.class);
    }

    @Test
    void tokensOverTheBudgetEndTheVersionAtTheNextFailure() {
        ServiceSpec spec = PlannerSamples.library("budget-tokens");
        kafka.publish(PlannerSamples.accepted(spec, 1, null));
        kafka.awaitEvent(PlanCreated.class, p -> p.spec().equals("budget-tokens"), WAIT);
        kafka.publish(PlannerSamples.ledger("budget-tokens", 1, "call-1", 150_000, 20_000));
        kafka.publish(PlannerSamples.ledger("budget-tokens", 1, "call-2", 30_000, 5_000));
        kafka.publish(PlannerSamples.ledger("budget-tokens", 1, "call-2", 30_000, 5_000)); // redelivered
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/plans/budget-tokens/versions/1").then()
                .body("tokensUsed", equalTo(205_000)));

        kafka.publish(PlannerSamples.failed(spec, 1));

        PlanAbandoned abandoned = kafka.awaitEvent(PlanAbandoned.class, a -> a.spec().equals("budget-tokens"), WAIT);
        assertThat(abandoned.reason()).contains("token budget of 200000 spent (205000 used)",
                "expected 201 but was 500");
        assertThat(PlanEvents.of(kafka, "budget-tokens")).noneMatch(e -> e instanceof PlanCreated p
                && p.kind() == PlanKind.REPAIR);
        given().get("/q/metrics").then().body(containsString("factory_plans_abandoned_total{budget=\"tokens\"}"));
    }

    @Test
    void everyPlanCarriesWhatIsLeftAndSpentMoneyEndsTheVersion() {
        ServiceSpec spec = PlannerSamples.library("budget-cost");
        kafka.publish(PlannerSamples.accepted(spec, 1, null));
        PlanCreated first = kafka.awaitEvent(PlanCreated.class, p -> p.spec().equals("budget-cost"), WAIT);
        assertThat(first.allowance()).isEqualTo(new Allowance(200_000, new BigDecimal("10.00")));
        kafka.publish(PlannerSamples.paidCall("budget-cost", 1, "call-1", "4.00"));
        awaitCost("budget-cost", 4.0);

        kafka.publish(PlannerSamples.failed(spec, 1));
        PlanCreated repair = kafka.awaitEvent(PlanCreated.class,
                p -> p.spec().equals("budget-cost") && p.attempt() == 2, WAIT);
        assertThat(repair.allowance().tokens()).isEqualTo(198_500);
        assertThat(repair.allowance().costUsd()).isEqualByComparingTo("6.00");
        kafka.publish(PlannerSamples.paidCall("budget-cost", 2, "call-2", "6.50"));
        awaitCost("budget-cost", 10.5);

        kafka.publish(PlannerSamples.failed(spec, 2));
        PlanAbandoned abandoned = kafka.awaitEvent(PlanAbandoned.class, a -> a.spec().equals("budget-cost"), WAIT);
        assertThat(abandoned.reason()).contains("cost budget of 10 USD spent (10.5 USD)");
        given().get("/api/plans/budget-cost/versions/1").then().body("abandonedBudget", equalTo("cost"));
    }

    private static void awaitCost(String spec, double usd) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(given().get("/api/plans/" + spec + "/versions/1")
                .then().extract().jsonPath().getDouble("costUsd")).isEqualTo(usd));
    }
}
