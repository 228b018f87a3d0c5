package dev.gigafactory.coder.service.llm;

import dev.gigafactory.contracts.events.RepairEvidence;
import dev.gigafactory.contracts.events.RepairEvidence.FailedStep;

/**
 * What the model is told when a plan repairs a failed attempt: the failing steps as they ran (request, expected and
 * actual answer), the gate's summary and the product's log, and the files it wrote then. Without the evidence a
 * model asked again writes the same files again.
 */
public final class RepairPrompts {

    private RepairPrompts() {
    }

    /**
     * @param previousCode the Requirements class and domain classes of the failed attempt, each after a comment
     *        naming its path, or null when they cannot be found
     */
    public static String repair(RepairEvidence evidence, String previousCode) {
        StringBuilder prompt = new StringBuilder("\nAttempt ").append(evidence.failedAttempt())
                .append(" of this service was built and tested, and it failed");
        if (evidence.failure() != null && !evidence.failure().isBlank()) {
            prompt.append(": ").append(evidence.failure().strip());
        }
        prompt.append("\n");
        if (!evidence.steps().isEmpty()) {
            prompt.append("The failing acceptance steps, as they ran against the service:\n");
            evidence.steps().forEach(step -> prompt.append(step(step)));
        }
        if (evidence.logExcerpt() != null && !evidence.logExcerpt().isBlank()) {
            prompt.append("The end of the service's log:\n```\n").append(evidence.logExcerpt().strip())
                    .append("\n```\n");
        }
        if (previousCode != null) {
            prompt.append("Your files in that attempt were:\n```java\n").append(previousCode.strip())
                    .append("\n```\n");
        }
        return prompt.append("Write the files again so that these steps pass, and keep the rules that already "
                + "held.\n").toString();
    }

    /** The reply's code is exactly the code of an attempt that failed: building it again cannot help. */
    public static String identical(RepairEvidence evidence, boolean lastFailure) {
        String which = lastFailure ? "failed attempt " + evidence.failedAttempt() : "an earlier failed attempt";
        String why = evidence.steps().isEmpty()
                ? (evidence.failure() == null ? "its tests failed" : evidence.failure().strip())
                : evidence.steps().stream().map(RepairPrompts::summary).reduce((a, b) -> a + "; " + b).orElseThrow();
        return "Your code is identical to the code of " + which + ", which failed because " + why
                + ". Building it again cannot pass: change it, and answer again with every file, each in its own"
                + " ```java block.";
    }

    private static String step(FailedStep step) {
        if ("JAVA".equals(step.method())) { // the product's own tests, run before it is started
            return "- the service's own tests (" + step.path() + ") failed"
                    + (step.message() == null ? "" : ": " + step.message().strip()) + "\n";
        }
        return "- '" + step.testCase() + "' step " + step.index() + ": " + step.method() + " " + step.path()
                + (step.requestBody() == null ? "" : " with body " + step.requestBody()) + "\n  expected: status "
                + step.expectedStatus() + (step.expectedBody() == null ? "" : ", body " + step.expectedBody())
                + "\n  actual: status " + (step.actualStatus() == null ? "none" : step.actualStatus())
                + (step.actualBody() == null ? "" : ", body " + step.actualBody())
                + (step.message() == null ? "" : "\n  " + step.message().strip()) + "\n";
    }

    private static String summary(FailedStep step) {
        return step.method() + " " + step.path() + " answered " + step.actualStatus() + " where "
                + step.expectedStatus() + " was expected";
    }
}
