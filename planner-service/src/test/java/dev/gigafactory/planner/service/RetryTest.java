package dev.gigafactory.planner.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.events.PlanCreated.PlanKind;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.planner.PlannerSamples;
import dev.gigafactory.planner.domain.VersionState;
import org.junit.jupiter.api.Test;

/** A failed version built again: a new round numbered after the old one, with fresh budgets. */
class RetryTest {

    private final Planner planner = new Planner(new Budgets(3, 1000));
    private final ServiceSpec spec = PlannerSamples.library("lib");
    /** Version 1 ran out of attempts at attempt 3 and spent 1200 tokens. */
    private final VersionState failed = new VersionState(spec, 1, 3, 1200, true);

    @Test
    void aRetryPlansEverythingAgainAfterTheLastAttemptWithAFreshBudget() {
        Decision decision = planner.retry(PlannerSamples.retried(spec, 1, 1, "attempt budget of 3 spent"), failed);

        Decision.Plan made = (Decision.Plan) decision;
        PlanCreated plan = made.plan();
        assertThat(plan.kind()).isEqualTo(PlanKind.RETRY);
        assertThat(plan.attempt()).isEqualTo(4);
        assertThat(plan.tasks()).isEqualTo(PlanTask.every(plan.document()));
        assertThat(plan.document()).isEqualTo(spec);
        assertThat(plan.reason()).isEqualTo("retry 1 of version 1 (fresh budget of 3 attempts); it failed: "
                + "attempt budget of 3 spent");
        assertThat(made.round()).isEqualTo(new Decision.Round(1, 3));
    }

    @Test
    void theNewRoundHasItsOwnAttemptsAndTokensAndASecondFullRoundWorksToo() {
        VersionState round2 = new VersionState(spec, 1, 4, 1200, false).inRound(3, 1200, 1);

        assertThat(planner.repair(PlannerSamples.failedWithCases(spec, 1, 4, "no"), round2))
                .isInstanceOf(Decision.Plan.class);
        assertThat(planner.repair(PlannerSamples.failedWithCases(spec, 1, 5, "no"), advance(round2, 5)))
                .isInstanceOf(Decision.Plan.class);
        Decision.Abandon spent = (Decision.Abandon) planner.repair(PlannerSamples.failedWithCases(spec, 1, 6, "no"),
                advance(round2, 6));
        assertThat(spent.budget()).isEqualTo(Budgets.ATTEMPTS);
        assertThat(spent.abandoned().reason()).contains("attempt budget of 3 spent in retry 1");

        VersionState failedAgain = new VersionState(spec, 1, 6, 1500, true).inRound(3, 1200, 1);
        PlanCreated retry2 = ((Decision.Plan) planner.retry(PlannerSamples.retried(spec, 1, 2, "again"), failedAgain))
                .plan();
        assertThat(retry2.attempt()).isEqualTo(7);
        VersionState round3 = new VersionState(spec, 1, 7, 1500, false).inRound(6, 1500, 2);
        assertThat(planner.repair(PlannerSamples.failedWithCases(spec, 1, 7, "no"), round3))
                .isInstanceOf(Decision.Plan.class);
    }

    @Test
    void tokensSpentBeforeTheRoundDoNotCountAgainstIt() {
        VersionState round2 = new VersionState(spec, 1, 4, 1500, false).inRound(3, 1200, 1);
        assertThat(planner.repair(PlannerSamples.failedWithCases(spec, 1, 4, "no"), round2))
                .isInstanceOf(Decision.Plan.class);

        VersionState overspent = new VersionState(spec, 1, 4, 2300, false).inRound(3, 1200, 1);
        Decision.Abandon abandon = (Decision.Abandon) planner.repair(PlannerSamples.failedWithCases(spec, 1, 4, "no"),
                overspent);
        assertThat(abandon.abandoned().reason()).contains("token budget of 1000 spent in retry 1 (1100 used)");
    }

    @Test
    void aRetryAlreadyPlannedOrOfASupersededVersionDoesNothing() {
        VersionState retried = new VersionState(spec, 1, 4, 0, false).inRound(3, 0, 1);
        assertThat(planner.retry(PlannerSamples.retried(spec, 1, 1, "x"), retried))
                .isEqualTo(new Decision.Nothing("retry 1 is already planned"));

        VersionState superseded = new VersionState(spec, 2, 3, 0, true);
        assertThat(planner.retry(PlannerSamples.retried(spec, 1, 1, "x"), superseded))
                .isEqualTo(new Decision.Nothing("version 1 is superseded by 2"));
    }

    @Test
    void aRetryOfAVersionThisPlannerNeverStoredIsPlannedFromTheEventsDocument() {
        PlanCreated plan = ((Decision.Plan) planner.retry(PlannerSamples.retried(spec, 1, 1, "x"),
                VersionState.unknown())).plan();

        assertThat(plan.attempt()).isEqualTo(1);
        assertThat(plan.document()).isEqualTo(spec);
    }

    private static VersionState advance(VersionState state, int lastAttempt) {
        return new VersionState(state.document(), state.newestVersion(), lastAttempt, state.tokensUsed(), false)
                .inRound(state.roundStartAttempt(), state.tokensAtRoundStart(), state.retries());
    }
}
