package dev.gigafactory.monitor.messaging;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.EncodedEvent;
import dev.gigafactory.contracts.events.IncidentDetected;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes incidents as CloudEvents keyed by spec; counts them once the broker has them. */
@ApplicationScoped
public class IncidentPublisher {

    static final String SOURCE = "/gigafactory/monitor-service";

    private final Emitter<byte[]> incidents;
    private final MeterRegistry meters;

    public IncidentPublisher(@Channel("incidents-detected") Emitter<byte[]> incidents, MeterRegistry meters) {
        this.incidents = incidents;
        this.meters = meters;
    }

    public CompletionStage<Void> publish(IncidentDetected incident) {
        EncodedEvent encoded = CloudEventCodec.encode(incident, SOURCE);
        CompletableFuture<Void> sent = new CompletableFuture<>();
        incidents.send(Message.of(encoded.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(encoded.key())
                        .withHeaders(encoded.headers())
                        .build())
                .withAck(() -> {
                    sent.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    sent.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return sent.thenRun(() -> meters.counter("factory.incidents", "kind", incident.kind().name(), "action",
                incident.action().name()).increment());
    }
}
