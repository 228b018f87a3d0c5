package dev.gigafactory.contracts.events;

import java.math.BigDecimal;

/**
 * What a spec version may still spend on model calls in its round, as the planner's persisted ledger counted it
 * when the plan was made. Every coder instance reads it from the plan it is given, so a version's budget holds
 * across restarts and instances; the coder checks it before every call.
 *
 * @param tokens prompt plus completion tokens left (never negative)
 * @param costUsd US dollars left at the configured prices (never negative)
 */
public record Allowance(long tokens, BigDecimal costUsd) {

    public Allowance {
        tokens = Math.max(0, tokens);
        costUsd = costUsd == null || costUsd.signum() < 0 ? BigDecimal.ZERO : costUsd;
    }

    /** Whether a call that may take {@code tokens} and cost {@code usd} fits in what is left. */
    public boolean covers(long tokens, BigDecimal usd) {
        return tokens <= this.tokens && usd.compareTo(costUsd) <= 0;
    }
}
