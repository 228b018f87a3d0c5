package dev.gigafactory.planner.service;

import dev.gigafactory.contracts.events.RepairEvidence;
import dev.gigafactory.contracts.events.RepairEvidence.FailedStep;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.events.TestsCompleted.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The failure evidence a repair carries to the coder: the tester's summary and the message of every failing step,
 * bounded so a run with hundreds of failures cannot make a plan (or a model prompt) unbounded.
 */
public final class Evidence {

    public static final int MAX_CHARS = 2000;
    /** A prompt needs a few failing steps to see the pattern, not hundreds. */
    static final int MAX_STEPS = 20;
    static final int MAX_LOG_CHARS = 4000;

    private Evidence() {
    }

    public static String of(TestsCompleted tests) {
        List<String> parts = new ArrayList<>();
        if (tests.failure() != null && !tests.failure().isBlank()) {
            parts.add(tests.failure().strip());
        }
        for (CaseResult testCase : tests.cases() == null ? List.<CaseResult>of() : tests.cases()) {
            for (StepResult step : testCase.steps() == null ? List.<StepResult>of() : testCase.steps()) {
                if (!step.passed()) {
                    parts.add("'" + testCase.name() + "' step " + step.index() + " (" + step.method() + " "
                            + step.path() + "): " + message(step));
                }
            }
        }
        return bounded(parts.isEmpty() ? "tests failed without a message" : String.join("; ", parts));
    }

    /**
     * The same evidence as data, for the coder's agent: every failing step with its bodies, the gate's summary, the
     * product's log, and the code digests of every failed attempt so far (this one last).
     */
    public static RepairEvidence structured(TestsCompleted tests, Map<Integer, String> earlierFailures) {
        Set<String> digests = new LinkedHashSet<>(earlierFailures.values());
        if (tests.sourceDigest() != null) {
            digests.add(tests.sourceDigest());
        }
        List<FailedStep> steps = new ArrayList<>();
        for (CaseResult testCase : tests.cases() == null ? List.<CaseResult>of() : tests.cases()) {
            for (StepResult step : testCase.steps() == null ? List.<StepResult>of() : testCase.steps()) {
                if (!step.passed() && steps.size() < MAX_STEPS) {
                    steps.add(new FailedStep(testCase.name(), step.index(), step.method(), step.path(),
                            step.requestBody(), step.expectedStatus(), step.expectedBody(), step.actualStatus(),
                            step.actualBody(), step.message()));
                }
            }
        }
        String log = tests.logExcerpt() == null || tests.logExcerpt().length() <= MAX_LOG_CHARS
                ? tests.logExcerpt()
                : tests.logExcerpt().substring(tests.logExcerpt().length() - MAX_LOG_CHARS);
        return new RepairEvidence(tests.attempt(), List.copyOf(digests), tests.failure(), steps, log);
    }

    public static String bounded(String text) {
        return bounded(text, MAX_CHARS);
    }

    static String bounded(String text, int maxChars) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= maxChars ? flat : flat.substring(0, maxChars - 1) + "…";
    }

    private static String message(StepResult step) {
        if (step.message() != null && !step.message().isBlank()) {
            return step.message().strip();
        }
        return "expected " + step.expectedStatus() + " but was " + step.actualStatus();
    }
}
