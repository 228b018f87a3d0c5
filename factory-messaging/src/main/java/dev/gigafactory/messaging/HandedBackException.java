package dev.gigafactory.messaging;

/**
 * The service is stopping with this record unfinished: it is neither acknowledged nor dead-lettered, so its offset
 * stays uncommitted and the record is redelivered to whoever owns the partition next.
 */
public class HandedBackException extends RuntimeException {

    public HandedBackException(String message, Throwable cause) {
        super(message, cause);
    }
}
