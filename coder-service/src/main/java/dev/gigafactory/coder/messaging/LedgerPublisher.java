package dev.gigafactory.coder.messaging;

import dev.gigafactory.coder.service.LedgerSink;
import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import dev.gigafactory.messaging.EventSender;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Writes each agent call to factory.ledger, keyed by spec name. Waits for the broker when the call cost anything: the
 * planner enforces the budgets from these entries, so one that was never written would let a version spend more than
 * it may. A free call (the template's) only adds its time to the record and does not hold up the plan for the ack.
 */
@ApplicationScoped
public class LedgerPublisher implements LedgerSink {

    private static final Logger LOG = Logger.getLogger(LedgerPublisher.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final Emitter<byte[]> emitter;

    public LedgerPublisher(@Channel("ledger") Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    @Override
    public void record(LedgerEntryRecorded entry) {
        if (!entry.free()) {
            EventSender.sendAndWait(emitter, entry, CodeGeneratedPublisher.SOURCE, null, ACK_TIMEOUT);
            return;
        }
        EventSender.send(emitter, entry, CodeGeneratedPublisher.SOURCE, null).exceptionally(failure -> {
            LOG.warnf("the ledger entry of %s v%d attempt %d (%s) was not written: %s", entry.spec(), entry.version(),
                    entry.attempt(), entry.callId(), failure.getMessage());
            return null;
        });
    }
}
