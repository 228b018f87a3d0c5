package dev.gigafactory.coder.support;

import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.events.RepairEvidence.FailedStep;
import dev.gigafactory.contracts.events.RepairEvidence;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.events.TestsCompleted.StepResult;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.testsupport.MemosReplies;
import java.util.ArrayList;
import java.util.List;

/**
 * examples/specs/memos.yaml (a rule only its requirements state), the model replies that miss and meet it, and repair
 * plans carrying a failed run's evidence as the planner builds it.
 */
public final class Repairs {

    public static final String PACKAGE = "dev.gigafactory.product.memos";

    public static final ServiceSpec SPEC = Specs.example("memos.yaml");

    /** Compiles and passes every check, and enforces nothing: what a model answers that misread the rule. */
    public static final String NO_OP = MemosReplies.MISSES_THE_RULE;

    public static final String GOOD = MemosReplies.ENFORCES_THE_RULE;

    private Repairs() {
    }

    /** The repair of {@code failedAttempt}, with the failing steps of {@code results} as the evidence. */
    public static PlanCreated repairPlan(int failedAttempt, List<CaseResult> results, List<String> failedDigests) {
        List<FailedStep> steps = new ArrayList<>();
        for (CaseResult result : results) {
            for (StepResult step : result.steps()) {
                if (!step.passed()) {
                    steps.add(new FailedStep(result.name(), step.index(), step.method(), step.path(),
                            step.requestBody(), step.expectedStatus(), step.expectedBody(), step.actualStatus(),
                            step.actualBody(), step.message()));
                }
            }
        }
        RepairEvidence evidence = new RepairEvidence(failedAttempt, failedDigests, "1 of 2 cases failed", steps,
                "memos listening on 127.0.0.1");
        return new PlanCreated(SPEC.name(), 1, failedAttempt + 1, PlanCreated.PlanKind.REPAIR, SPEC,
                PlanTask.every(SPEC),
                List.of(), "repair of attempt " + failedAttempt, evidence);
    }
}
