package dev.gigafactory.planner.service;

/** What one spec version may spend in a round before it ends as failed. */
public record Budgets(int maxAttempts, long maxTokens) {

    public static final String ATTEMPTS = "attempts";
    public static final String TOKENS = "tokens";
    /** Not a budget but a dead end: the template agent cannot build what the acceptance steps ask for. */
    public static final String TEMPLATE = "template";
    /** Not a budget but a dead end: a repair wrote the code of an attempt that already failed. */
    public static final String SAME_CODE = "same-code";
}
