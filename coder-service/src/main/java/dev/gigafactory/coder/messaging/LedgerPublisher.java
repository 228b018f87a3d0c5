package dev.gigafactory.coder.messaging;

import dev.gigafactory.coder.service.LedgerSink;
import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import dev.gigafactory.messaging.EventSender;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Writes each model call's cost to factory.ledger, keyed by spec name. Waits for the broker: the planner enforces the
 * token budget from these entries, so one that was never written would let a version spend more than it may.
 */
@ApplicationScoped
public class LedgerPublisher implements LedgerSink {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final Emitter<byte[]> emitter;

    public LedgerPublisher(@Channel("ledger") Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    @Override
    public void record(LedgerEntryRecorded entry) {
        EventSender.sendAndWait(emitter, entry, CodeGeneratedPublisher.SOURCE, null, ACK_TIMEOUT);
    }
}
