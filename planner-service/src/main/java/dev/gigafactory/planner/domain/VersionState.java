package dev.gigafactory.planner.domain;

import dev.gigafactory.contracts.spec.ServiceSpec;
import java.math.BigDecimal;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the planner remembers about a spec version (and the versions before it) when it is asked to plan it.
 *
 * @param document the stored document of this version, or null when its SpecAccepted was never seen
 * @param newestVersion the newest accepted version of the spec (0 when none is known)
 * @param lastAttempt the highest attempt already planned for this version (0 when none)
 * @param tokensUsed model tokens spent on this version, from the ledger, over every round
 * @param abandoned whether the version already ended as failed (and was not retried since)
 * @param roundStartAttempt the last attempt before the current round (0 for the first round): the attempt budget
 *        counts attempts after it
 * @param tokensAtRoundStart tokens spent before the current round: the token budget counts tokens after them
 * @param retries how many retries of this version were planned
 * @param failedDigests source digest of every failed attempt, by attempt, over every round
 * @param base the tree the newest earlier version passed the gate with (null when none did): every plan of this
 *        version names it, and an incremental one keeps from it what it does not touch
 * @param costUsed US dollars spent on this version's model calls, from the ledger, over every round
 * @param costAtRoundStart US dollars spent before the current round
 */
public record VersionState(ServiceSpec document, int newestVersion, int lastAttempt, long tokensUsed,
        boolean abandoned, int roundStartAttempt, long tokensAtRoundStart, int retries,
        SortedMap<Integer, String> failedDigests, PassedTree base, BigDecimal costUsed,
        BigDecimal costAtRoundStart) {

    public VersionState {
        failedDigests = failedDigests == null ? new TreeMap<>() : new TreeMap<>(failedDigests);
        costUsed = costUsed == null ? BigDecimal.ZERO : costUsed;
        costAtRoundStart = costAtRoundStart == null ? BigDecimal.ZERO : costAtRoundStart;
    }

    /** A version in its first round, with no failure remembered. */
    public VersionState(ServiceSpec document, int newestVersion, int lastAttempt, long tokensUsed,
            boolean abandoned) {
        this(document, newestVersion, lastAttempt, tokensUsed, abandoned, 0, 0, 0, new TreeMap<>(), null, null, null);
    }

    public static VersionState unknown() {
        return new VersionState(null, 0, 0, 0, false);
    }

    public VersionState withFailedDigests(Map<Integer, String> digests) {
        return new VersionState(document, newestVersion, lastAttempt, tokensUsed, abandoned, roundStartAttempt,
                tokensAtRoundStart, retries, new TreeMap<>(digests), base, costUsed, costAtRoundStart);
    }

    public VersionState withBase(PassedTree passed) {
        return new VersionState(document, newestVersion, lastAttempt, tokensUsed, abandoned, roundStartAttempt,
                tokensAtRoundStart, retries, failedDigests, passed, costUsed, costAtRoundStart);
    }

    public VersionState inRound(int startAttempt, long tokensAtStart, int retryCount) {
        return new VersionState(document, newestVersion, lastAttempt, tokensUsed, abandoned, startAttempt,
                tokensAtStart, retryCount, failedDigests, base, costUsed, costAtRoundStart);
    }

    public VersionState withCost(BigDecimal used, BigDecimal atRoundStart) {
        return new VersionState(document, newestVersion, lastAttempt, tokensUsed, abandoned, roundStartAttempt,
                tokensAtRoundStart, retries, failedDigests, base, used, atRoundStart);
    }

    /** Tokens spent in the current round: what its budget counts. */
    public long tokensInRound() {
        return tokensUsed - tokensAtRoundStart;
    }

    /** US dollars spent in the current round. */
    public BigDecimal costInRound() {
        return costUsed.subtract(costAtRoundStart);
    }
}
