package dev.gigafactory.messaging;

/**
 * Marks an exception that condemns the record it was thrown for: the same bytes fail the same way every time, so the
 * record goes to the dead-letter topic without a retry.
 */
public interface PoisonRecord {
}
