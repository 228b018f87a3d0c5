package dev.gigafactory.planner.messaging;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.EncodedEvent;
import dev.gigafactory.contracts.events.PlanCreated;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes plans as CloudEvents keyed by spec name; the returned stage completes once the broker has the record. */
@ApplicationScoped
public class PlanPublisher {

    private static final String SOURCE = "/gigafactory/planner-service";

    private final Emitter<byte[]> plans;

    public PlanPublisher(@Channel("plans-created") Emitter<byte[]> plans) {
        this.plans = plans;
    }

    public CompletionStage<Void> publish(PlanCreated plan) {
        EncodedEvent encoded = CloudEventCodec.encode(plan, SOURCE);
        CompletableFuture<Void> sent = new CompletableFuture<>();
        plans.send(Message.of(encoded.value())
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
        return sent;
    }
}
