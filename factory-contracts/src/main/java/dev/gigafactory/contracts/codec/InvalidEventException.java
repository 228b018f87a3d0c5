package dev.gigafactory.contracts.codec;

/** A record that cannot be read as the event its topic promises: a poison record, bound for the dead-letter topic. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
