package dev.gigafactory.monitor.domain;

import java.time.Duration;

/**
 * How far and how fast remediation climbs for one spec version: {@code maxRestarts} restarts within
 * {@code restartWindow} before rolling back, at most {@code budget} automated actions before a human is called, and
 * an exponential pause from {@code backoffBase} (doubling per action, capped at {@code backoffMax}) between actions.
 */
public record LadderPolicy(int maxRestarts, Duration restartWindow, int budget, Duration backoffBase,
        Duration backoffMax) {

    public Duration backoffAfter(int actions) {
        if (actions <= 0) {
            return Duration.ZERO;
        }
        Duration pause = backoffBase.multipliedBy(1L << Math.min(actions - 1, 20));
        return pause.compareTo(backoffMax) > 0 ? backoffMax : pause;
    }
}
