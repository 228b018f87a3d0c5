package dev.gigafactory.planner.domain;

import dev.gigafactory.contracts.spec.ServiceSpec;

/**
 * What the planner remembers about a spec version when a repair or remediation is asked for.
 *
 * @param document the stored document of this version, or null when its SpecAccepted was never seen
 * @param newestVersion the newest accepted version of the spec (0 when none is known)
 * @param lastAttempt the highest attempt already planned for this version (0 when none)
 * @param tokensUsed model tokens spent on this version, from the ledger
 * @param abandoned whether the version already ran out of budget
 */
public record VersionState(ServiceSpec document, int newestVersion, int lastAttempt, long tokensUsed,
        boolean abandoned) {

    public static VersionState unknown() {
        return new VersionState(null, 0, 0, 0, false);
    }
}
