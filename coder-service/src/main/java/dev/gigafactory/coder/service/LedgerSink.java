package dev.gigafactory.coder.service;

import dev.gigafactory.contracts.events.LedgerEntryRecorded;

/** Where the cost of each model call is written (the factory.ledger topic in the service). */
@FunctionalInterface
public interface LedgerSink {

    /** Returns once the entry is safely recorded. */
    void record(LedgerEntryRecorded entry);
}
