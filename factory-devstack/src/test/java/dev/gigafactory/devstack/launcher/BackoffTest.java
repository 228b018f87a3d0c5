package dev.gigafactory.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff();

    @Test
    void aProcessThatKeepsCrashingWaitsTwiceAsLongEachTimeUpToThirtySeconds() {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waits.add(backoff.afterExit(Duration.ofSeconds(2)).toSeconds());
        }

        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void aMinuteUpResetsTheWaitToOneSecond() {
        backoff.afterExit(Duration.ofSeconds(1));
        backoff.afterExit(Duration.ofSeconds(1));
        backoff.afterExit(Duration.ofSeconds(1));

        assertThat(backoff.afterExit(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.afterExit(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(2));
    }
}
