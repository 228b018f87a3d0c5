package dev.gigafactory.messaging;

/**
 * Marks an exception that says the service cannot do its work right now (no sandbox, a full disk, a store that is
 * not there), not that the record is bad: the record is waited out like a database outage — retried with back-off,
 * the partition held, never dead-lettered — and processed as soon as the service can work again.
 */
public interface Outage {
}
