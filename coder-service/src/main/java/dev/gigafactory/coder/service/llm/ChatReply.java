package dev.gigafactory.coder.service.llm;

/** The model's answer to one call and what it cost in tokens (0 when the server does not say). */
public record ChatReply(String content, String model, long promptTokens, long completionTokens) {

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
