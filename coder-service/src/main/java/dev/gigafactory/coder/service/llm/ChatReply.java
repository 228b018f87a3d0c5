package dev.gigafactory.coder.service.llm;

/**
 * The model's answer to one call and what it cost in tokens.
 *
 * @param estimated the server sent no {@code usage}: the tokens are counted from the text (about four characters a
 *        token), not reported
 */
public record ChatReply(String content, String model, long promptTokens, long completionTokens,
        boolean estimated) {

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
