package dev.gigafactory.planner.service;

import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.events.TestsCompleted.StepResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The failure evidence a repair carries to the coder: the tester's summary and the message of every failing step,
 * bounded so a run with hundreds of failures cannot make a plan (or a model prompt) unbounded.
 */
public final class Evidence {

    public static final int MAX_CHARS = 2000;

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

    public static String bounded(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_CHARS ? flat : flat.substring(0, MAX_CHARS - 1) + "…";
    }

    private static String message(StepResult step) {
        if (step.message() != null && !step.message().isBlank()) {
            return step.message().strip();
        }
        return "expected " + step.expectedStatus() + " but was " + step.actualStatus();
    }
}
