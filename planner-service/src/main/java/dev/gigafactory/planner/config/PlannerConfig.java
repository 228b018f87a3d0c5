package dev.gigafactory.planner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "planner")
public interface PlannerConfig {

    /** How many attempts (initial plan plus repairs and remediations) one spec version gets before it ends as failed. */
    @WithDefault("3")
    int maxAttempts();

    /** How many model tokens (prompt plus completion, from the ledger) one spec version may spend. */
    @WithDefault("200000")
    long maxTokens();
}
