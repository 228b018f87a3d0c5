package dev.gigafactory.planner.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.contracts.events.PlanCreated.PlanKind;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.contracts.validation.SpecValidator;
import dev.gigafactory.planner.PlannerSamples;
import dev.gigafactory.planner.domain.PassedTree;
import dev.gigafactory.planner.domain.VersionState;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private final Planner planner = new Planner(new Budgets(3, 1000));
    private final ServiceSpec spec = PlannerSamples.library("lib");
    /** Version 1 of lib is stored, planned once, nothing spent. */
    private final VersionState fresh = new VersionState(spec, 1, 1, 0, false);

    @Test
    void theFirstVersionGetsEveryTask() {
        PlanCreated plan = planner.plan(PlannerSamples.accepted(spec, 1, null), null);

        assertThat(plan.kind()).isEqualTo(PlanKind.INITIAL);
        assertThat(plan.attempt()).isEqualTo(1);
        assertThat(plan.baseDigest()).isNull();
        assertThat(plan.tasks()).extracting(PlanTask::id).containsExactly("project", "runtime", "entity:Book",
                "entity:Member", "entry-point", "requirements", "tests");
    }

    @Test
    void aChangedVersionPlansOnlyTheAffectedTasksOnThePreviousVersionsTestedTree() {
        PlanCreated plan = planner.plan(PlannerSamples.accepted(memberWithEmail(), 2, spec),
                new PassedTree(1, PlannerSamples.digest(7)));

        assertThat(plan.kind()).isEqualTo(PlanKind.INCREMENTAL);
        assertThat(plan.baseDigest()).isEqualTo(PlannerSamples.digest(7));
        assertThat(plan.tasks()).extracting(PlanTask::id)
                .containsExactly("project", "entity:Member", "requirements", "tests");
        assertThat(plan.changes()).extracting(c -> c.path()).containsExactly("Member.email");
    }

    @Test
    void aChangedVersionWhosePredecessorNeverPassedGetsEveryTask() {
        PlanCreated plan = planner.plan(PlannerSamples.accepted(memberWithEmail(), 2, spec), null);

        assertThat(plan.kind()).isEqualTo(PlanKind.INITIAL);
        assertThat(plan.baseDigest()).isNull();
        assertThat(plan.tasks()).isEqualTo(PlanTask.every(plan.document()));
        assertThat(plan.reason()).contains("1 change(s) since version 1", "no attempt of version 1 has passed");
    }

    @Test
    void anAcceptanceUsesTheTreeThePreviousVersionPassedWith() {
        VersionState v2Unplanned = new VersionState(memberWithEmail(), 2, 0, 0, false)
                .withBase(new PassedTree(1, PlannerSamples.digest(3)));

        Decision decision = planner.accept(PlannerSamples.accepted(memberWithEmail(), 2, spec), v2Unplanned);

        assertThat(((Decision.Plan) decision).plan().baseDigest()).isEqualTo(PlannerSamples.digest(3));
    }

    @Test
    void anAcceptanceSeenAgainIsNotPlannedAgain() {
        assertThat(planner.accept(PlannerSamples.accepted(spec, 1, null), VersionState.unknown()))
                .isInstanceOf(Decision.Plan.class);
        assertThat(planner.accept(PlannerSamples.accepted(spec, 1, null), fresh)).isInstanceOf(Decision.Nothing.class);
    }

    @Test
    void aRepairCarriesTheFailingStepsAsEvidence() {
        Decision decision = planner.repair(PlannerSamples.failedWithCases(spec, 1, 1, "body.title: expected "
                + "'Dune' but was null"), fresh);

        PlanCreated repair = ((Decision.Plan) decision).plan();
        assertThat(repair.kind()).isEqualTo(PlanKind.REPAIR);
        assertThat(repair.attempt()).isEqualTo(2);
        assertThat(repair.document()).isEqualTo(spec);
        assertThat(repair.reason()).contains("repair of attempt 1", "1 of 1 case failed",
                "'read back' step 1 (POST /books): body.title: expected 'Dune' but was null")
                .doesNotContain("step 0");
    }

    @Test
    void theEvidenceIsBounded() {
        Decision decision = planner.repair(PlannerSamples.failedWithCases(spec, 1, 1, "x".repeat(50_000)), fresh);

        assertThat(((Decision.Plan) decision).plan().reason().length())
                .isLessThanOrEqualTo(Evidence.MAX_CHARS + 30);
    }

    @Test
    void theLastAllowedAttemptFailingEndsTheVersionWithTheReason() {
        Decision decision = planner.repair(PlannerSamples.failed(spec, 3), new VersionState(spec, 1, 3, 0, false));

        Decision.Abandon abandon = (Decision.Abandon) decision;
        assertThat(abandon.budget()).isEqualTo(Budgets.ATTEMPTS);
        assertThat(abandon.abandoned().attempt()).isEqualTo(3);
        assertThat(abandon.abandoned().reason()).contains("attempt budget of 3 spent")
                .contains("expected 201 but was 500");
    }

    @Test
    void spentTokensEndTheVersionAtTheNextFailure() {
        Decision decision = planner.repair(PlannerSamples.failed(spec, 1), new VersionState(spec, 1, 1, 1200, false));

        Decision.Abandon abandon = (Decision.Abandon) decision;
        assertThat(abandon.budget()).isEqualTo(Budgets.TOKENS);
        assertThat(abandon.abandoned().reason()).contains("token budget of 1000 spent (1200 used)",
                "expected 201 but was 500");
    }

    @Test
    void anEndedVersionGetsNoMorePlans() {
        VersionState ended = new VersionState(spec, 1, 3, 0, true);

        assertThat(planner.repair(PlannerSamples.failed(spec, 1), ended)).isInstanceOf(Decision.Nothing.class);
        assertThat(planner.remediate(PlannerSamples.incident("lib", 1, 1, Remediation.REPLAN), ended))
                .isInstanceOf(Decision.Nothing.class);
    }

    @Test
    void aNewerVersionSupersedesRepairsOfOlderOnes() {
        VersionState superseded = new VersionState(spec, 2, 1, 0, false);

        assertThat(planner.repair(PlannerSamples.failed(spec, 1), superseded))
                .isEqualTo(new Decision.Nothing("version 1 is superseded by 2"));
    }

    @Test
    void aStaleRequestForAnAttemptAlreadyPlannedIsIgnored() {
        assertThat(planner.repair(PlannerSamples.failed(spec, 1), new VersionState(spec, 1, 2, 0, false)))
                .isInstanceOf(Decision.Nothing.class);
    }

    @Test
    void aReplanIncidentGetsAFreshFullPlanOfTheStoredDocument() {
        Decision decision = planner.remediate(PlannerSamples.incident("lib", 1, 1, Remediation.REPLAN), fresh);

        PlanCreated plan = ((Decision.Plan) decision).plan();
        assertThat(plan.kind()).isEqualTo(PlanKind.REMEDIATION);
        assertThat(plan.attempt()).isEqualTo(2);
        assertThat(plan.document()).isEqualTo(spec);
        assertThat(plan.tasks()).isEqualTo(PlanTask.every(spec));
        assertThat(plan.reason()).contains("inc-replan", "SLO_BREACH", "p99 latency 900 ms");
    }

    @Test
    void onlyReplanIncidentsWithAStoredDocumentArePlanned() {
        assertThat(planner.remediate(PlannerSamples.incident("lib", 1, 1, Remediation.RESTART), fresh))
                .isInstanceOf(Decision.Nothing.class);
        assertThat(planner.remediate(PlannerSamples.incident("lib", 1, 1, Remediation.REPLAN),
                VersionState.unknown())).isInstanceOf(Decision.Nothing.class);
    }

    @Test
    void theSameInputGivesTheSamePlan() {
        assertThat(planner.plan(PlannerSamples.accepted(spec, 1, null), null))
                .isEqualTo(planner.plan(PlannerSamples.accepted(spec, 1, null), null));
    }

    private ServiceSpec memberWithEmail() {
        String json = new String(dev.gigafactory.contracts.codec.Json.write(spec))
                .replace("{\"name\":\"name\",\"type\":\"string\",\"required\":true}",
                        "{\"name\":\"name\",\"type\":\"string\",\"required\":true},{\"name\":\"email\","
                                + "\"type\":\"string\"}");
        return new SpecValidator().validate(json.getBytes()).spec();
    }
}
