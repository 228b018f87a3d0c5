package dev.gigafactory.coder.service.llm;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * How the LLM agent calls its model and how much it may spend; plain values so the agent runs without Quarkus.
 *
 * @param apiKey the bearer token, or null for a server that needs none; {@link #toString()} never shows it
 */
public record LlmSettings(String baseUrl, String model, String apiKey, Duration timeout, int maxRetries,
        Duration retryBackoff, int maxAttempts, long maxTokensPerVersion, BigDecimal promptPricePer1kTokens,
        BigDecimal completionPricePer1kTokens, int maxCompletionTokens) {

    /** The longest reply asked for by default: a Requirements class is far shorter. */
    public static final int DEFAULT_MAX_COMPLETION_TOKENS = 4096;

    public LlmSettings {
        if (maxRetries < 0 || maxAttempts < 1 || maxTokensPerVersion < 0 || maxCompletionTokens < 1) {
            throw new IllegalArgumentException("retries must be >= 0, attempts >= 1, the token budget >= 0 and "
                    + "the reply limit >= 1");
        }
    }

    public LlmSettings(String baseUrl, String model, String apiKey, Duration timeout, int maxRetries,
            Duration retryBackoff, int maxAttempts, long maxTokensPerVersion, BigDecimal promptPricePer1kTokens,
            BigDecimal completionPricePer1kTokens) {
        this(baseUrl, model, apiKey, timeout, maxRetries, retryBackoff, maxAttempts, maxTokensPerVersion,
                promptPricePer1kTokens, completionPricePer1kTokens, DEFAULT_MAX_COMPLETION_TOKENS);
    }

    /** A key in a log line or an exception would end up on disk and in dashboards. */
    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", timeout=" + timeout + ", maxRetries=" + maxRetries + ", maxAttempts=" + maxAttempts
                + ", maxTokensPerVersion=" + maxTokensPerVersion + ", maxCompletionTokens=" + maxCompletionTokens + "]";
    }
}
