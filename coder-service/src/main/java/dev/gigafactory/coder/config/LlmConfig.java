package dev.gigafactory.coder.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * The model the LLM agent talks to, over the OpenAI-compatible chat-completions protocol (env CODER_LLM_BASE_URL,
 * CODER_LLM_MODEL, CODER_LLM_API_KEY, ...). No base URL means no LLM agent: the template agent writes everything.
 */
@ConfigMapping(prefix = "coder.llm")
public interface LlmConfig {

    /** E.g. {@code https://api.openai.com/v1} or {@code http://127.0.0.1:11434/v1}; chat/completions is appended. */
    Optional<String> baseUrl();

    @WithDefault("gpt-4o-mini")
    String model();

    /** Sent as a bearer token; never logged. Local servers (Ollama, llama.cpp) often need none. */
    Optional<String> apiKey();

    /** How long one HTTP call may take, connect to last byte. */
    @WithDefault("60s")
    Duration timeout();

    /** HTTP retries of one model call after a 429, a 5xx, a timeout or a broken connection. */
    @WithDefault("2")
    int maxRetries();

    /** Pause before the first retry, doubled for each next one (a Retry-After answer is honoured instead). */
    @WithDefault("500ms")
    Duration retryBackoff();

    /** Replies asked for per plan (the first, then one per rejected reply) before falling back to the template. */
    @WithDefault("3")
    int maxAttempts();

    /** Sent as {@code max_tokens}: the longest reply one call may be billed for (less when the plan's allowance is). */
    @WithDefault("4096")
    int maxCompletionTokens();

    @WithDefault("0")
    BigDecimal promptPricePer1kTokens();

    @WithDefault("0")
    BigDecimal completionPricePer1kTokens();
}
