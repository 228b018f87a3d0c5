package dev.gigafactory.planner.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.contracts.events.PlanCreated.PlanKind;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.SpecChange;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.planner.PlannerSamples;
import dev.gigafactory.planner.domain.PassedTree;
import dev.gigafactory.planner.domain.VersionState;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every plan of a version after the first names the tree the newest earlier version passed with, whatever its kind,
 * and plans the same tasks as without it; version 1's plans name none.
 */
class BaseTreeTest {

    private static final PassedTree V1_PASSED = new PassedTree(1, PlannerSamples.digest(41));

    private final Planner planner = new Planner(new Budgets(3, 1000));
    private final ServiceSpec v1 = PlannerSamples.library("lib");
    private final ServiceSpec v2 = ExampleSpecs.parse(ExampleSpecs.renamedText("library.yaml", "lib")
            .replace("maxLength: 120", "maxLength: 80"));
    /** Version 2 of lib is planned once; version 1 passed. */
    private final VersionState v2Planned = new VersionState(v2, 2, 1, 0, false).withBase(V1_PASSED);

    @Test
    void aRepairOfALaterVersionPlansEveryTaskOnTheTreeTheEarlierOnePassedWith() {
        PlanCreated repair = plan(planner.repair(PlannerSamples.failedWithCases(v2, 2, 1, "expected 400"),
                v2Planned));

        assertThat(repair.kind()).isEqualTo(PlanKind.REPAIR);
        assertThat(repair.baseDigest()).isEqualTo(V1_PASSED.sourceDigest());
        assertThat(repair.tasks()).isEqualTo(PlanTask.every(v2));
        assertThat(repair.evidence().failedDigests()).containsExactly(PlannerSamples.digest(1));
    }

    @Test
    void aRetryAndARemediationOfALaterVersionNameItToo() {
        PlanCreated retry = plan(planner.retry(PlannerSamples.retried(v2, 2, 1, "attempt budget of 3 spent"),
                new VersionState(v2, 2, 3, 0, true).withBase(V1_PASSED)));
        PlanCreated remediation = plan(planner.remediate(PlannerSamples.incident("lib", 2, 1, Remediation.REPLAN),
                v2Planned));

        assertThat(List.of(retry, remediation)).extracting(PlanCreated::kind)
                .containsExactly(PlanKind.RETRY, PlanKind.REMEDIATION);
        assertThat(List.of(retry, remediation)).allSatisfy(plan -> {
            assertThat(plan.baseDigest()).isEqualTo(V1_PASSED.sourceDigest());
            assertThat(plan.tasks()).isEqualTo(PlanTask.every(v2));
        });
    }

    @Test
    void aVersionWhosePredecessorNeverPassedGetsEveryTaskOnTheNewestTreeThatDid() {
        ServiceSpec v3 = ExampleSpecs.parse(ExampleSpecs.renamedText("library.yaml", "lib")
                .replace("maxLength: 120", "maxLength: 60"));

        PlanCreated plan = planner.plan(PlannerSamples.accepted(v3, 3, v2), V1_PASSED);

        assertThat(plan.kind()).isEqualTo(PlanKind.INITIAL);
        assertThat(plan.tasks()).isEqualTo(PlanTask.every(v3));
        assertThat(plan.baseDigest()).isEqualTo(V1_PASSED.sourceDigest());
        assertThat(plan.reason()).contains("no attempt of version 2 has passed",
                "on the tree version 1 passed with");
    }

    @Test
    void aStackChangeOrAVersionWithoutChangesStillNamesTheBase() {
        SpecAccepted stackChanged = new SpecAccepted("lib", 2, 1, "sha256:" + "d".repeat(64), v2,
                List.of(SpecChange.changed("stack", "stack")), Instant.now());
        SpecAccepted unchanged = PlannerSamples.accepted(v1, 2, v1);

        assertThat(List.of(planner.plan(stackChanged, V1_PASSED), planner.plan(unchanged, V1_PASSED)))
                .allSatisfy(plan -> {
                    assertThat(plan.kind()).isEqualTo(PlanKind.INITIAL);
                    assertThat(plan.tasks()).isEqualTo(PlanTask.every(plan.document()));
                    assertThat(plan.baseDigest()).isEqualTo(V1_PASSED.sourceDigest());
                });
    }

    @Test
    void version1AndAVersionWithNothingPassedBeforeItNameNoBase() {
        VersionState v1Planned = new VersionState(v1, 1, 1, 0, false);

        PlanCreated first = planner.plan(PlannerSamples.accepted(v1, 1, null), null);
        PlanCreated v1Repair = plan(planner.repair(PlannerSamples.failed(v1, 1), v1Planned));
        PlanCreated v2Repair = plan(planner.repair(PlannerSamples.failedWithCases(v2, 2, 1, "expected 400"),
                new VersionState(v2, 2, 1, 0, false)));

        assertThat(List.of(first, v1Repair, v2Repair)).extracting(PlanCreated::baseDigest).containsOnlyNulls();
    }

    private static PlanCreated plan(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Plan.class);
        return ((Decision.Plan) decision).plan();
    }
}
