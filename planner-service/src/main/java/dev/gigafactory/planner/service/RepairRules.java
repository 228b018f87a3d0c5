package dev.gigafactory.planner.service;

import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.PlanAbandoned;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.events.TestsCompleted.StepResult;
import dev.gigafactory.planner.domain.VersionState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a repair cannot change the outcome, so spending the rest of the budget on it would only delay the verdict:
 * the deterministic template agent failed an acceptance step (it writes the same code again), or a repair wrote the
 * very code of an attempt that already failed.
 */
final class RepairRules {

    private static final int STEPS_CHARS = 1200;

    private RepairRules() {
    }

    static Optional<Decision.Abandon> deadEnd(TestsCompleted tests, VersionState state, String evidence) {
        List<String> failing = failingSteps(tests);
        if (CodeGenerated.TEMPLATE_AGENT.equals(tests.agent()) && !failing.isEmpty()) {
            return Optional.of(abandon(tests, Budgets.TEMPLATE, templateGap(tests.spec(), failing)));
        }
        Optional<Integer> same = sameCodeAs(tests, state);
        if (same.isPresent()) {
            return Optional.of(abandon(tests, Budgets.SAME_CODE, "attempt " + tests.attempt()
                    + " produced the same code as attempt " + same.get() + " (" + tests.sourceDigest()
                    + "): a repair cannot change the outcome; last failure: " + evidence));
        }
        return Optional.empty();
    }

    /** The latest earlier failed attempt built from exactly this code, if any. */
    static Optional<Integer> sameCodeAs(TestsCompleted tests, VersionState state) {
        if (tests.sourceDigest() == null) {
            return Optional.empty();
        }
        return state.failedDigests().entrySet().stream()
                .filter(failed -> failed.getKey() != tests.attempt() && failed.getValue().equals(tests.sourceDigest()))
                .map(Map.Entry::getKey).reduce((first, second) -> second);
    }

    private static String templateGap(String spec, List<String> failing) {
        return Evidence.bounded("the template agent cannot satisfy "
                + Evidence.bounded(String.join("; ", failing), STEPS_CHARS)
                + ". The template builds what the entities and fields say; a rule stated only in prose (requirements)"
                + " needs an LLM agent: start the coder with CODER_LLM_BASE_URL (e.g. https://api.openai.com/v1),"
                + " CODER_LLM_MODEL and CODER_LLM_API_KEY (coder.llm.base-url, .model, .api-key), then `./factory"
                + " retry " + spec + "` builds it again.");
    }

    private static List<String> failingSteps(TestsCompleted tests) {
        List<String> failing = new ArrayList<>();
        for (CaseResult testCase : tests.cases() == null ? List.<CaseResult>of() : tests.cases()) {
            for (StepResult step : testCase.steps() == null ? List.<StepResult>of() : testCase.steps()) {
                if (!step.passed()) {
                    failing.add("'" + testCase.name() + "' step " + step.index() + " (" + step.method() + " "
                            + step.path() + "): expected " + step.expectedStatus() + body(step.expectedBody())
                            + " but was " + step.actualStatus() + body(step.actualBody()));
                }
            }
        }
        return failing;
    }

    private static String body(String body) {
        return body == null || body.isBlank() ? "" : " " + body.strip();
    }

    private static Decision.Abandon abandon(TestsCompleted tests, String why, String reason) {
        return new Decision.Abandon(new PlanAbandoned(tests.spec(), tests.version(), tests.attempt(),
                Evidence.bounded(reason)), why);
    }
}
