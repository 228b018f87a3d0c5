package dev.gigafactory.planner.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanCreated.PlanKind;
import dev.gigafactory.contracts.events.RepairEvidence;
import dev.gigafactory.contracts.events.RepairEvidence.FailedStep;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.events.TestsCompleted.StepResult;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.planner.PlannerSamples;
import dev.gigafactory.planner.domain.VersionState;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A repair must be able to change something: else the version ends at once, saying why. */
class RepairEvidenceTest {

    private final Planner planner = new Planner(new Budgets(3, 1000));
    private final ServiceSpec spec = PlannerSamples.library("lib");
    private final VersionState fresh = new VersionState(spec, 1, 1, 0, false);

    @Test
    void aTemplateFailureEndsTheVersionAtOnceNamingTheStepAndHowToConfigureAModel() {
        Decision decision = planner.repair(PlannerSamples.failedBy("template", spec, 1, 1, PlannerSamples.digest(1),
                "status: expected 400 but was 201"), fresh);

        Decision.Abandon abandon = (Decision.Abandon) decision;
        assertThat(abandon.budget()).isEqualTo(Budgets.TEMPLATE);
        assertThat(abandon.abandoned().attempt()).isEqualTo(1);
        assertThat(abandon.abandoned().reason())
                .contains("the template agent cannot satisfy 'read back' step 1 (POST /books): expected 400 "
                        + "{\"status\":400} but was 201 {\"id\":\"b-1\",\"title\":\"forbidden fruit\"}")
                .contains("CODER_LLM_BASE_URL", "CODER_LLM_MODEL", "CODER_LLM_API_KEY", "./factory retry lib")
                .doesNotContain("step 0");
    }

    @Test
    void aTemplateFailureReasonIsBoundedAndStillSaysWhatToDo() {
        List<StepResult> steps = IntStream.range(0, 200).mapToObj(i -> new StepResult(i, "POST", "/books", 400, 201,
                false, "x", 1, "{}", "{\"status\":400}", "{\"title\":\"" + "y".repeat(500) + "\"}")).toList();
        TestsCompleted tests = new TestsCompleted("lib", 1, 1, false, PlannerSamples.digest(1), null,
                List.of(new CaseResult("many", false, steps)), "200 steps failed", "", 10, spec, "template");

        Decision decision = planner.repair(tests, fresh);

        String reason = ((Decision.Abandon) decision).abandoned().reason();
        assertThat(reason.length()).isLessThanOrEqualTo(Evidence.MAX_CHARS);
        assertThat(reason).contains("./factory retry lib");
    }

    @Test
    void aRepairWritingTheCodeOfAFailedAttemptAgainEndsTheVersion() {
        VersionState attempt2Failed = new VersionState(spec, 1, 3, 0, false)
                .withFailedDigests(Map.of(1, PlannerSamples.digest(1), 2, PlannerSamples.digest(2)));

        Decision decision = planner.repair(PlannerSamples.failedBy("llm", spec, 1, 3, PlannerSamples.digest(2),
                "still 201"), attempt2Failed);

        Decision.Abandon abandon = (Decision.Abandon) decision;
        assertThat(abandon.budget()).isEqualTo(Budgets.SAME_CODE);
        assertThat(abandon.abandoned().reason()).startsWith("attempt 3 produced the same code as attempt 2 ("
                + PlannerSamples.digest(2) + "): a repair cannot change the outcome").contains("still 201");
    }

    @Test
    void anLlmFailureGetsARepairCarryingTheEvidenceAsData() {
        VersionState attempt1Failed = new VersionState(spec, 1, 2, 0, false)
                .withFailedDigests(Map.of(1, PlannerSamples.digest(1)));

        Decision decision = planner.repair(PlannerSamples.failedBy("llm", spec, 1, 2, PlannerSamples.digest(2),
                "status: expected 400 but was 201"), attempt1Failed);

        PlanCreated repair = ((Decision.Plan) decision).plan();
        assertThat(repair.kind()).isEqualTo(PlanKind.REPAIR);
        assertThat(repair.attempt()).isEqualTo(3);
        assertThat(repair.reason()).contains("repair of attempt 2", "expected 400 but was 201");
        RepairEvidence evidence = repair.evidence();
        assertThat(evidence.failedAttempt()).isEqualTo(2);
        assertThat(evidence.failedDigests()).containsExactly(PlannerSamples.digest(1), PlannerSamples.digest(2));
        assertThat(evidence.failure()).isEqualTo("1 of 1 case failed");
        assertThat(evidence.logExcerpt()).isEqualTo("product log: created b-1");
        assertThat(evidence.steps()).singleElement().isEqualTo(new FailedStep("read back", 1, "POST", "/books",
                "{\"title\":\"forbidden fruit\"}", 400, "{\"status\":400}", 201,
                "{\"id\":\"b-1\",\"title\":\"forbidden fruit\"}", "status: expected 400 but was 201"));
    }

    @Test
    void aVerdictFromAnOldTesterThatNamesNoAgentIsRepairedAsBefore() {
        Decision decision = planner.repair(PlannerSamples.failed(spec, 1), fresh);

        assertThat(((Decision.Plan) decision).plan().evidence().failedDigests())
                .containsExactly(PlannerSamples.digest(1));
    }
}
