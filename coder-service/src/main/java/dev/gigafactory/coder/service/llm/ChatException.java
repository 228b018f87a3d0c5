package dev.gigafactory.coder.service.llm;

/** A model call failed for good: every retry was used, or the answer could not be read. */
public class ChatException extends RuntimeException {

    public ChatException(String message, Throwable cause) {
        super(message, cause);
    }

    public ChatException(String message) {
        super(message);
    }
}
