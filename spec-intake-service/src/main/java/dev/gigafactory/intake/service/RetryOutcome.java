package dev.gigafactory.intake.service;

/** What became of a request to retry a spec's newest version. */
public sealed interface RetryOutcome {

    /** {@code change}: the timeline entry the retry made, for live followers once committed. */
    record Retried(String name, int version, int retry, StageChanged change) implements RetryOutcome {
    }

    record NoSuchSpec(String name) implements RetryOutcome {
    }

    /** The newest version did not fail for good: {@code why} says what it is doing instead. */
    record Refused(String name, int version, String why) implements RetryOutcome {
    }
}
