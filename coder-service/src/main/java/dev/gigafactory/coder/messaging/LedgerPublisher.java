package dev.gigafactory.coder.messaging;

import dev.gigafactory.coder.service.LedgerSink;
import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.EncodedEvent;
import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Writes each model call's cost to factory.ledger, keyed by spec name. Waits for the broker: the planner enforces the
 * token budget from these entries, so one that was never written would let a version spend more than it may.
 */
@ApplicationScoped
public class LedgerPublisher implements LedgerSink {

    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final Emitter<byte[]> emitter;

    public LedgerPublisher(@Channel("ledger") Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    @Override
    public void record(LedgerEntryRecorded entry) {
        EncodedEvent encoded = CloudEventCodec.encode(entry, CodeGeneratedPublisher.SOURCE);
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<byte[]> message = Message.of(encoded.value(), () -> {
            acked.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            acked.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(encoded.key())
                .withHeaders(encoded.headers()).build());
        emitter.send(message);
        try {
            acked.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("ledger entry " + encoded.id() + " was not recorded", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording ledger entry " + encoded.id(), e);
        }
    }
}
