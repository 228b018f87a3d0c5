package dev.gigafactory.operator;

import java.time.Duration;

/**
 * How long a lease lasts unrenewed, how long the leader keeps trying to renew it before it gives up, and how often
 * a candidate looks. A standby takes over at most {@code leaseDuration} after a leader died without releasing;
 * one that stopped cleanly releases at once.
 */
public record LeaseTiming(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {

    /** client-go's defaults, what kube-controller-manager and most operators use. */
    public static final LeaseTiming DEFAULT = new LeaseTiming(Duration.ofSeconds(15), Duration.ofSeconds(10),
            Duration.ofSeconds(2));

    public LeaseTiming {
        // the leader must give up before its lease can pass to another, or two would work at once
        if (renewDeadline.compareTo(leaseDuration) >= 0 || retryPeriod.compareTo(renewDeadline) >= 0) {
            throw new IllegalArgumentException("need retryPeriod < renewDeadline < leaseDuration");
        }
    }
}
