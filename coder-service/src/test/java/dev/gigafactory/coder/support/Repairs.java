package dev.gigafactory.coder.support;

import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.events.RepairEvidence;
import dev.gigafactory.contracts.events.RepairEvidence.FailedStep;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.events.TestsCompleted.StepResult;
import dev.gigafactory.contracts.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A spec whose acceptance needs a rule only its requirements state, model replies that miss and meet it, and repair
 * plans carrying a failed run's evidence as the planner builds it.
 */
public final class Repairs {

    public static final String PACKAGE = "dev.gigafactory.product.memos";

    public static final ServiceSpec SPEC = Specs.parse("""
            apiVersion: gigafactory.dev/v1alpha1
            kind: ServiceSpec
            metadata: { name: memos }
            spec:
              description: Memos.
              requirements: A memo's title must not contain the word forbidden.
              entities:
                - name: Memo
                  fields:
                    - { name: title, type: string, required: true, maxLength: 100 }
              acceptance:
                - name: a forbidden title is refused
                  steps:
                    - request: { method: POST, path: /memos, body: { title: a forbidden memo } }
                      expect: { status: 400 }
                - name: a fine title is kept
                  steps:
                    - request: { method: POST, path: /memos, body: { title: a fine memo } }
                      expect: { status: 201, body: { title: a fine memo } }
            """);

    /** Compiles and passes every check, and enforces nothing: what a model answers that misread the rule. */
    public static final String NO_OP = """
            ```java
            package dev.gigafactory.product.memos;

            import java.util.Map;

            final class Requirements {

                private Requirements() {
                }

                static void check(String entity, String operation, Map<String, Object> record) {
                    // every memo is fine
                }
            }
            ```
            """;

    public static final String GOOD = """
            ```java
            package dev.gigafactory.product.memos;

            import java.util.Map;

            final class Requirements {

                private Requirements() {
                }

                static void check(String entity, String operation, Map<String, Object> record) {
                    if (record.get("title") instanceof String title && title.contains("forbidden")) {
                        throw Problem.badRequest("a title must not contain the word forbidden");
                    }
                }
            }
            ```
            """;

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
        PlanTask task = new PlanTask("code", "generate-code", SPEC.name(), List.of(), List.of("spec"),
                List.of("source"));
        return new PlanCreated(SPEC.name(), 1, failedAttempt + 1, PlanCreated.PlanKind.REPAIR, SPEC, List.of(task),
                List.of(), "repair of attempt " + failedAttempt, evidence);
    }
}
