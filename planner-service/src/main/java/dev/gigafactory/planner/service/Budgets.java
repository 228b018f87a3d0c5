package dev.gigafactory.planner.service;

/** What one spec version may spend before it ends as failed. */
public record Budgets(int maxAttempts, long maxTokens) {

    public static final String ATTEMPTS = "attempts";
    public static final String TOKENS = "tokens";
}
