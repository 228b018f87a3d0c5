package dev.gigafactory.planner.service;

import dev.gigafactory.contracts.events.Allowance;
import dev.gigafactory.planner.domain.VersionState;
import java.math.BigDecimal;

/** What one spec version may spend in a round before it ends as failed. */
public record Budgets(int maxAttempts, long maxTokens, BigDecimal maxCostUsd) {

    public static final String ATTEMPTS = "attempts";
    public static final String TOKENS = "tokens";
    public static final String COST = "cost";
    /** Not a budget but a dead end: the template agent cannot build what the acceptance steps ask for. */
    public static final String TEMPLATE = "template";
    /** Not a budget but a dead end: a repair wrote the code of an attempt that already failed. */
    public static final String SAME_CODE = "same-code";

    /** Attempts and tokens only: model calls may cost anything. */
    public Budgets(int maxAttempts, long maxTokens) {
        this(maxAttempts, maxTokens, new BigDecimal(Long.MAX_VALUE));
    }

    /** What a round that has spent nothing may spend. */
    public Allowance whole() {
        return new Allowance(maxTokens, maxCostUsd);
    }

    /** What the version may still spend in its current round. */
    public Allowance left(VersionState state) {
        return new Allowance(maxTokens - state.tokensInRound(), maxCostUsd.subtract(state.costInRound()));
    }
}
