package dev.gigafactory.deployer.domain;

import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.contracts.spec.Slo;

/** A tested artifact the deployer may run: exactly the binary the release gate passed. */
public record Release(String spec, int version, int attempt, String artifactDigest, Slo slo) {

    public static Release of(TestsCompleted verdict) {
        return new Release(verdict.spec(), verdict.version(), verdict.attempt(), verdict.artifactDigest(),
                sloOf(verdict.document()));
    }

    // The SLO travels on with the deployment so the monitor need not read the spec; absent means the default.
    static Slo sloOf(ServiceSpec document) {
        if (document == null || document.metadata() == null || document.spec() == null) {
            return Slo.DEFAULT;
        }
        return document.normalized().spec().slo();
    }
}
