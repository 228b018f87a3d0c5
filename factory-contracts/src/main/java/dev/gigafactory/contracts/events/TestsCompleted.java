package dev.gigafactory.contracts.events;

import dev.gigafactory.contracts.spec.ServiceSpec;
import java.util.List;

/**
 * The release gate's verdict. When {@code passed}, {@code artifactDigest} names exactly the binary that passed, and
 * only that binary may be deployed.
 */
public record TestsCompleted(String spec, int version, int attempt, boolean passed, String sourceDigest,
        String artifactDigest, List<CaseResult> cases, String failure, String logExcerpt, long durationMs,
        ServiceSpec document) implements FactoryEvent {

    public record CaseResult(String name, boolean passed, List<StepResult> steps) {
    }

    public record StepResult(int index, String method, String path, int expectedStatus, Integer actualStatus,
            boolean passed, String message, long durationMs) {
    }
}
