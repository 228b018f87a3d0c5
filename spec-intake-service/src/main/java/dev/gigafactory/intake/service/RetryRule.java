package dev.gigafactory.intake.service;

import dev.gigafactory.contracts.events.EventType;
import dev.gigafactory.intake.domain.SpecStatus;
import dev.gigafactory.intake.domain.Stage;
import dev.gigafactory.intake.domain.StageChange;
import java.util.Optional;

/**
 * When a version may be retried: it failed for good, so nothing in the factory will try it again by itself. Failed
 * tests are not for good: the planner decides next (a repair, or giving up), and a retry then would race that.
 */
public final class RetryRule {

    private RetryRule() {
    }

    /** Why the version failed for good, or empty when it did not (or not yet). */
    public static Optional<String> failedForGood(SpecStatus current, StageChange lastFailure) {
        if (current == null || !Stage.FAILED.wireName().equals(current.stage) || lastFailure == null) {
            return Optional.empty();
        }
        if (EventType.TESTS_COMPLETED.ceType().equals(lastFailure.eventType)) {
            return Optional.empty();
        }
        return Optional.of(lastFailure.detail == null ? "failed" : lastFailure.detail);
    }

    /** Why a retry is refused now, for a version that did not fail for good. */
    public static String refusal(SpecStatus current, int version) {
        if (current == null) {
            return "version " + version + " has no stage yet; only a version that failed for good can be retried";
        }
        if (Stage.FAILED.wireName().equals(current.stage)) {
            return "version " + version + " failed its tests and waits for the planner's decision (a repair or "
                    + "giving up); retry it once it has failed for good";
        }
        if (Stage.RETRIED.wireName().equals(current.stage)) {
            return "version " + version + " is being retried already";
        }
        return "version " + version + " is " + current.stage + "; only a version that failed for good can be retried";
    }

    /** What a person or a Kafka client is told to do about a failed version. */
    public static String hint(String name) {
        return "retry with ./factory retry " + name + " or POST /api/specs/" + name + "/retry";
    }
}
