package dev.gigafactory.deployer.testing;

import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.spec.ServiceSpec;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Test data: the events the deployer consumes, with only what matters to it filled in. */
public final class Verdicts {

    private Verdicts() {
    }

    public static TestsCompleted passed(String spec, int version, int attempt, String artifactDigest) {
        return new TestsCompleted(spec, version, attempt, true, null, artifactDigest, List.of(), null, null, 10,
                null);
    }

    /** A passed verdict carrying its spec document, whose stack says how the product is started. */
    public static TestsCompleted passed(String spec, int version, String artifactDigest, ServiceSpec document) {
        return new TestsCompleted(spec, version, 1, true, null, artifactDigest, List.of(), null, null, 10, document,
                null);
    }

    public static TestsCompleted failed(String spec, int version, int attempt, String artifactDigest) {
        return new TestsCompleted(spec, version, attempt, false, null, artifactDigest, List.of(),
                "case 'create' failed", null, 10, null);
    }

    public static IncidentDetected incident(String spec, int version, IncidentDetected.Remediation action) {
        return new IncidentDetected(spec, version, 1, UUID.randomUUID().toString(), IncidentDetected.Kind.CRASH,
                action, "GET /health: connection refused x 2", Instant.now());
    }
}
