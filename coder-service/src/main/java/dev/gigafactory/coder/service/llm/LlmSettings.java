package dev.gigafactory.coder.service.llm;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * How the LLM agent calls its model and what a token costs; plain values so the agent runs without Quarkus. How much
 * a version may spend is not here: the planner's budgets decide it, and every plan carries what is left.
 *
 * @param apiKey the bearer token, or null for a server that needs none; {@link #toString()} never shows it
 * @param maxCompletionTokens the longest reply ever asked for ({@code max_tokens}); less when the allowance is low
 */
public record LlmSettings(String baseUrl, String model, String apiKey, Duration timeout, int maxRetries,
        Duration retryBackoff, int maxAttempts, BigDecimal promptPricePer1kTokens,
        BigDecimal completionPricePer1kTokens, int maxCompletionTokens) {

    /** The longest reply asked for by default: a Requirements class is far shorter. */
    public static final int DEFAULT_MAX_COMPLETION_TOKENS = 4096;

    public LlmSettings {
        if (maxRetries < 0 || maxAttempts < 1 || maxCompletionTokens < 1 || promptPricePer1kTokens.signum() < 0
                || completionPricePer1kTokens.signum() < 0) {
            throw new IllegalArgumentException("retries must be >= 0, attempts >= 1, the reply limit >= 1 and "
                    + "prices >= 0");
        }
    }

    public LlmSettings(String baseUrl, String model, String apiKey, Duration timeout, int maxRetries,
            Duration retryBackoff, int maxAttempts, BigDecimal promptPricePer1kTokens,
            BigDecimal completionPricePer1kTokens) {
        this(baseUrl, model, apiKey, timeout, maxRetries, retryBackoff, maxAttempts, promptPricePer1kTokens,
                completionPricePer1kTokens, DEFAULT_MAX_COMPLETION_TOKENS);
    }

    /** A key in a log line or an exception would end up on disk and in dashboards. */
    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", timeout=" + timeout + ", maxRetries=" + maxRetries + ", maxAttempts=" + maxAttempts
                + ", maxCompletionTokens=" + maxCompletionTokens + "]";
    }
}
