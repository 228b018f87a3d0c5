package dev.gigafactory.contracts.acceptance;

/** A step that cannot even be sent or checked as written (unknown placeholder, unsupported save path). */
public class AcceptanceException extends RuntimeException {

    public AcceptanceException(String message) {
        super(message);
    }
}
