package dev.gigafactory.contracts.acceptance;

import java.time.Duration;

/** The time budget of one run: every stage takes the smaller of its own limit and what is left. */
public final class Deadline {

    private final Duration budget;
    private final long endNanos;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    public static Deadline after(Duration budget) {
        return new Deadline(budget);
    }

    public Duration budget() {
        return budget;
    }

    public Duration remaining() {
        long left = endNanos - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    public boolean passed() {
        return remaining().isZero();
    }

    /** The stage's own limit, cut down to what is left of the run. */
    public Duration cap(Duration limit) {
        Duration left = remaining();
        return left.compareTo(limit) < 0 ? left : limit;
    }
}
