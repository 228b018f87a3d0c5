package dev.gigafactory.intake.messaging;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.EncodedEvent;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.SpecRejected;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Announces intake's decisions as CloudEvents, keyed by spec name; completes once the broker has them. */
@ApplicationScoped
public class SpecEventPublisher {

    static final String SOURCE = "/gigafactory/spec-intake-service";

    private final Emitter<byte[]> accepted;
    private final Emitter<byte[]> rejected;

    public SpecEventPublisher(@Channel("specs-accepted") Emitter<byte[]> accepted,
            @Channel("specs-rejected") Emitter<byte[]> rejected) {
        this.accepted = accepted;
        this.rejected = rejected;
    }

    public Uni<Void> publish(SpecAccepted event) {
        return send(accepted, event);
    }

    public Uni<Void> publish(SpecRejected event) {
        return send(rejected, event);
    }

    private static Uni<Void> send(Emitter<byte[]> emitter, FactoryEvent event) {
        EncodedEvent encoded = CloudEventCodec.encode(event, SOURCE);
        CompletableFuture<Void> sent = new CompletableFuture<>();
        Message<byte[]> message = Message.of(encoded.value())
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
                });
        // The broker acknowledges on a Kafka thread; callers continue with Hibernate Reactive, which needs their
        // Vert.x context back.
        Context caller = Vertx.currentContext();
        emitter.send(message);
        Uni<Void> acknowledged = Uni.createFrom().completionStage(sent);
        return caller == null
                ? acknowledged
                : acknowledged.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }
}
