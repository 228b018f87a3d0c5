package dev.gigafactory.coder.service.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gigafactory.contracts.codec.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A client for the OpenAI-compatible chat-completions protocol ({@code POST {baseUrl}/chat/completions}), which
 * hosted APIs, vLLM, llama.cpp and Ollama all speak. A 429, a 5xx, a timeout or a broken connection is retried a
 * bounded number of times; anything else fails at once.
 */
public final class ChatClient {

    private static final Logger LOG = Logger.getLogger(ChatClient.class);
    private static final long MAX_RETRY_AFTER_SECONDS = 30;
    private static final int EXCERPT = 200;

    private final LlmSettings settings;
    private final URI endpoint;
    private final HttpClient http;

    public ChatClient(LlmSettings settings) {
        this.settings = settings;
        String base = settings.baseUrl().endsWith("/") ? settings.baseUrl() : settings.baseUrl() + "/";
        this.endpoint = URI.create(base).resolve("chat/completions");
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    public ChatReply complete(List<ChatMessage> messages) {
        return complete(messages, settings.maxCompletionTokens());
    }

    /** @param maxTokens the longest reply to be billed for, sent as {@code max_tokens} */
    public ChatReply complete(List<ChatMessage> messages, int maxTokens) {
        byte[] body = requestBody(messages, maxTokens);
        ChatException last = null;
        for (int call = 0; call <= settings.maxRetries(); call++) {
            Optional<String> retryAfter = Optional.empty();
            try {
                HttpResponse<byte[]> response = http.send(request(body), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() / 100 == 2) {
                    return parse(response.body(), messages);
                }
                last = new ChatException("the model server answered " + response.statusCode() + ": "
                        + excerpt(response.body()));
                if (!retryable(response.statusCode())) {
                    throw last;
                }
                retryAfter = response.headers().firstValue("Retry-After");
            } catch (IOException e) {
                // HttpTimeoutException is an IOException: a slow server is retried like a broken one.
                last = new ChatException("the model server did not answer: " + e, e);
            } catch (InterruptedException e) {
                interrupted(e);
            }
            LOG.warnf("model call %d of %d failed: %s", call + 1, settings.maxRetries() + 1, last.getMessage());
            pause(call, retryAfter);
        }
        throw last;
    }

    private HttpRequest request(byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(settings.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        return request.build();
    }

    private byte[] requestBody(List<ChatMessage> messages, int maxTokens) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("model", settings.model());
        root.put("temperature", 0);
        root.put("max_tokens", maxTokens);
        messages.forEach(message -> root.withArray("messages").addObject().put("role", message.role())
                .put("content", message.content()));
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private ChatReply parse(byte[] body, List<ChatMessage> messages) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new ChatException("the model's answer is not JSON: " + excerpt(body), e);
        }
        JsonNode content = root.path("choices").path(0).path("message").path("content");
        if (!content.isTextual()) {
            throw new ChatException("the model's answer has no choices[0].message.content: " + excerpt(body));
        }
        JsonNode usage = root.path("usage");
        String model = root.path("model").asText(settings.model());
        if (!usage.path("prompt_tokens").isNumber() || !usage.path("completion_tokens").isNumber()) {
            // Counting such a call as free would let a budget be overrun without limit; an estimate cannot.
            long prompt = estimatedTokens(messages.stream().mapToLong(message -> message.content().length()).sum());
            return new ChatReply(content.asText(), model, prompt, estimatedTokens(content.asText().length()), true);
        }
        return new ChatReply(content.asText(), model, usage.path("prompt_tokens").asLong(),
                usage.path("completion_tokens").asLong(), false);
    }

    private static long estimatedTokens(long characters) {
        return (characters + 3) / 4;
    }

    private static boolean retryable(int status) {
        return status == 429 || status == 408 || status / 100 == 5;
    }

    private static void interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ChatException("interrupted while waiting for the model", e);
    }

    private void pause(int call, Optional<String> retryAfter) {
        if (call >= settings.maxRetries()) {
            return;
        }
        Duration wait = settings.retryBackoff().multipliedBy(1L << Math.min(call, 10));
        Optional<Long> seconds = retryAfter.flatMap(ChatClient::seconds);
        if (seconds.isPresent()) {
            wait = Duration.ofSeconds(Math.min(seconds.get(), MAX_RETRY_AFTER_SECONDS));
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            interrupted(e);
        }
    }

    private static Optional<Long> seconds(String header) {
        try {
            return Optional.of(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty(); // an HTTP date: the exponential backoff will do
        }
    }

    // The server's own words help an operator, but never the key: some proxies echo request headers back.
    private String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        text = text.length() > EXCERPT ? text.substring(0, EXCERPT) + "..." : text;
        return settings.apiKey() == null || settings.apiKey().isBlank() ? text : text.replace(settings.apiKey(), "***");
    }
}
