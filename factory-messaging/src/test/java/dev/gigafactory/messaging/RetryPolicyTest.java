package dev.gigafactory.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = RetryPolicy.DEFAULT;

    @Test
    void poisonIsNeverRetried() {
        assertThat(policy.next(FailureKind.POISON, 0)).isEmpty();
    }

    @Test
    void anOutageIsWaitedOutWithGrowingButCappedDelays() {
        assertThat(policy.next(FailureKind.OUTAGE, 0)).contains(Duration.ofMillis(100));
        assertThat(policy.next(FailureKind.OUTAGE, 3)).contains(Duration.ofMillis(800));
        assertThat(policy.next(FailureKind.OUTAGE, 10_000)).contains(Duration.ofSeconds(2));
    }

    @Test
    void conflictsAndDefectsGetAFewRetriesOnly() {
        assertThat(policy.next(FailureKind.CONFLICT, 4)).isPresent();
        assertThat(policy.next(FailureKind.CONFLICT, 5)).isEmpty();
        assertThat(policy.next(FailureKind.DEFECT, 1)).isPresent();
        assertThat(policy.next(FailureKind.DEFECT, 2)).isEmpty();
    }
}
