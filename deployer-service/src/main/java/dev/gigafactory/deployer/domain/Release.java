package dev.gigafactory.deployer.domain;

import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.product.QuarkusManifest;
import dev.gigafactory.contracts.spec.ServiceDefinition;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.contracts.spec.Slo;

/**
 * A tested artifact the deployer may run: exactly the binary the release gate passed, and the stack it was built on
 * ({@code jdk-http} or {@code quarkus}: a quarkus product also needs a database of its own to start).
 */
public record Release(String spec, int version, int attempt, String artifactDigest, Slo slo, String stack) {

    public Release {
        stack = stack == null ? ServiceDefinition.DEFAULT_STACK : stack;
    }

    /** A jdk-http release. */
    public Release(String spec, int version, int attempt, String artifactDigest, Slo slo) {
        this(spec, version, attempt, artifactDigest, slo, ServiceDefinition.DEFAULT_STACK);
    }

    public static Release of(TestsCompleted verdict) {
        return new Release(verdict.spec(), verdict.version(), verdict.attempt(), verdict.artifactDigest(),
                sloOf(verdict.document()), stackOf(verdict.document()));
    }

    public boolean needsDatabase() {
        return QuarkusManifest.STACK.equals(stack);
    }

    // The SLO travels on with the deployment so the monitor need not read the spec; absent means the default.
    static Slo sloOf(ServiceSpec document) {
        if (document == null || document.metadata() == null || document.spec() == null) {
            return Slo.DEFAULT;
        }
        return document.normalized().spec().slo();
    }

    // Kept with every deployment: a restart, a rollback or a re-adoption must start the product the same way.
    static String stackOf(ServiceSpec document) {
        if (document == null || document.metadata() == null || document.spec() == null) {
            return ServiceDefinition.DEFAULT_STACK;
        }
        return document.normalized().spec().stack();
    }
}
