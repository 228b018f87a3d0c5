package dev.gigafactory.devstack.launcher;

import java.time.Duration;

/**
 * How long the supervisor waits before starting a process again that died: 1 s after the first exit, doubling up to
 * 30 s while it keeps dying, and back to 1 s once a run lasted a minute. A crash loop then costs little, and a process
 * that crashes once a day comes back at once.
 */
final class Backoff {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(30);
    static final Duration HEALTHY = Duration.ofMinutes(1);

    private Duration next = FIRST;

    /** The wait before the next start, for a process that was up {@code upFor} before it exited. */
    Duration afterExit(Duration upFor) {
        if (upFor.compareTo(HEALTHY) >= 0) {
            next = FIRST;
        }
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(MAX) > 0 ? MAX : doubled;
        return delay;
    }
}
