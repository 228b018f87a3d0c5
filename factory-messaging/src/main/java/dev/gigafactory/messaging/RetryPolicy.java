package dev.gigafactory.messaging;

import java.time.Duration;
import java.util.Optional;

/**
 * How long to wait before processing a failed record again, or empty to give up. Outages are waited out however long
 * they last (dead-lettering a valid record because the database was restarting would lose it); everything else gets a
 * bounded number of attempts, so a record that fails for a real reason never stalls its partition.
 */
public record RetryPolicy(Duration firstDelay, Duration maxDelay, int conflictRetries, int defectRetries) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), 5, 2);

    /** {@code retriesSoFar}: how many times this record has already been retried. */
    public Optional<Duration> next(FailureKind kind, int retriesSoFar) {
        return switch (kind) {
            case POISON -> Optional.empty();
            case OUTAGE -> Optional.of(delay(retriesSoFar));
            case CONFLICT -> retriesSoFar < conflictRetries ? Optional.of(delay(retriesSoFar)) : Optional.empty();
            case DEFECT -> retriesSoFar < defectRetries ? Optional.of(delay(retriesSoFar)) : Optional.empty();
        };
    }

    private Duration delay(int retriesSoFar) {
        long millis = firstDelay.toMillis() << Math.min(retriesSoFar, 16);
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }
}
