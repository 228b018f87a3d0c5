package dev.gigafactory.contracts.events;

import dev.gigafactory.contracts.spec.ServiceSpec;
import java.util.List;

/**
 * The release gate's verdict. When {@code passed}, {@code artifactDigest} names exactly the binary that passed, and
 * only that binary may be deployed. {@code agent} is the code agent that wrote the tested sources (from
 * {@link CodeGenerated#agent()}): a deterministic one writes the same code again, so a repair by it cannot help.
 */
public record TestsCompleted(String spec, int version, int attempt, boolean passed, String sourceDigest,
        String artifactDigest, List<CaseResult> cases, String failure, String logExcerpt, long durationMs,
        ServiceSpec document, String agent) implements FactoryEvent {

    /** A verdict that does not say which agent wrote the code. */
    public TestsCompleted(String spec, int version, int attempt, boolean passed, String sourceDigest,
            String artifactDigest, List<CaseResult> cases, String failure, String logExcerpt, long durationMs,
            ServiceSpec document) {
        this(spec, version, attempt, passed, sourceDigest, artifactDigest, cases, failure, logExcerpt, durationMs,
                document, null);
    }

    public record CaseResult(String name, boolean passed, List<StepResult> steps) {
    }

    /**
     * One step as it ran. {@code requestBody}, {@code expectedBody} and {@code actualBody} are bounded JSON (or text)
     * excerpts, null where there was none: the evidence a repair needs.
     */
    public record StepResult(int index, String method, String path, int expectedStatus, Integer actualStatus,
            boolean passed, String message, long durationMs, String requestBody, String expectedBody,
            String actualBody) {

        /** A step with no bodies to quote. */
        public StepResult(int index, String method, String path, int expectedStatus, Integer actualStatus,
                boolean passed, String message, long durationMs) {
            this(index, method, path, expectedStatus, actualStatus, passed, message, durationMs, null, null, null);
        }
    }
}
