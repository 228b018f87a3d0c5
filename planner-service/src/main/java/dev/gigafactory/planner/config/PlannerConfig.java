package dev.gigafactory.planner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

@ConfigMapping(prefix = "planner")
public interface PlannerConfig {

    /** How many attempts (initial plan plus repairs and remediations) one spec version gets before it ends as failed. */
    @WithDefault("3")
    int maxAttempts();

    /** How many model tokens (prompt plus completion, from the ledger) one spec version may spend. */
    @WithDefault("200000")
    long maxTokens();

    /** How many US dollars of model calls (at the coder's configured prices, from the ledger) one version may spend. */
    @WithDefault("10.00")
    BigDecimal maxCostUsd();
}
