package dev.gigafactory.intake.messaging;

import dev.gigafactory.messaging.PoisonRecord;

/** A submitted record whose bytes are not text: it was rejected, and it also belongs on the dead-letter topic. */
public class UnreadableRecordException extends RuntimeException implements PoisonRecord {

    public UnreadableRecordException(String reason) {
        super(reason, null, false, false);
    }
}
