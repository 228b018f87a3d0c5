package dev.gigafactory.planner.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.events.Allowance;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.planner.PlannerSamples;
import dev.gigafactory.planner.domain.VersionState;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Tokens and cost: checked before every plan, and what is left travels with the plan to whichever coder runs it. */
class SpendBudgetTest {

    private final Planner planner = new Planner(new Budgets(3, 1000, new BigDecimal("2.00")));
    private final ServiceSpec spec = PlannerSamples.library("lib");

    @Test
    void theFirstPlanMaySpendTheWholeBudget() {
        Decision decision = planner.accept(PlannerSamples.accepted(spec, 1, null),
                new VersionState(spec, 1, 0, 0, false));

        assertThat(((Decision.Plan) decision).plan().allowance())
                .isEqualTo(new Allowance(1000, new BigDecimal("2.00")));
    }

    @Test
    void aRepairMaySpendWhatTheRoundHasLeft() {
        VersionState spent = new VersionState(spec, 1, 1, 400, false).withCost(new BigDecimal("0.75"),
                BigDecimal.ZERO);

        Decision decision = planner.repair(PlannerSamples.failed(spec, 1), spent);

        assertThat(((Decision.Plan) decision).plan().allowance())
                .isEqualTo(new Allowance(600, new BigDecimal("1.25")));
    }

    @Test
    void spentMoneyEndsTheVersionAtTheNextFailureEvenWithTokensLeft() {
        VersionState broke = new VersionState(spec, 1, 1, 10, false).withCost(new BigDecimal("2.10"),
                BigDecimal.ZERO);

        Decision.Abandon abandon = (Decision.Abandon) planner.repair(PlannerSamples.failed(spec, 1), broke);

        assertThat(abandon.budget()).isEqualTo(Budgets.COST);
        assertThat(abandon.abandoned().reason()).contains("cost budget of 2 USD spent (2.1 USD)");
    }

    @Test
    void aRemediationIsCheckedLikeARepair() {
        VersionState broke = new VersionState(spec, 1, 1, 10, false).withCost(new BigDecimal("2.00"),
                BigDecimal.ZERO);

        Decision decision = planner.remediate(PlannerSamples.incident("lib", 1, 1, Remediation.REPLAN), broke);

        assertThat(decision).isInstanceOf(Decision.Abandon.class);
        assertThat(((Decision.Abandon) decision).budget()).isEqualTo(Budgets.COST);
    }

    @Test
    void aRetryStartsARoundWithTheWholeBudgetWhateverEarlierRoundsSpent() {
        VersionState failed = new VersionState(spec, 1, 3, 1200, true).withCost(new BigDecimal("3.00"),
                BigDecimal.ZERO);

        Decision decision = planner.retry(PlannerSamples.retried(spec, 1, 1, "tokens ran out"), failed);

        assertThat(((Decision.Plan) decision).plan().allowance())
                .isEqualTo(new Allowance(1000, new BigDecimal("2.00")));
    }

    @Test
    void inALaterRoundOnlyItsOwnSpendCounts() {
        VersionState round2 = new VersionState(spec, 1, 4, 1500, false).inRound(3, 1200, 1)
                .withCost(new BigDecimal("3.50"), new BigDecimal("3.00"));

        Decision decision = planner.repair(PlannerSamples.failed(spec, 4), round2);

        assertThat(((Decision.Plan) decision).plan().allowance())
                .isEqualTo(new Allowance(700, new BigDecimal("1.50")));
    }
}
