package dev.gigafactory.deployer.messaging;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.EncodedEvent;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes DeploymentCompleted as a binary-mode CloudEvent keyed by spec, and waits until the broker has it. */
@ApplicationScoped
public class DeploymentPublisher {

    static final String SOURCE = "/gigafactory/deployer-service";

    private final Emitter<byte[]> emitter;
    private final MeterRegistry meters;

    public DeploymentPublisher(@Channel("deployments-completed") Emitter<byte[]> emitter, MeterRegistry meters) {
        this.emitter = emitter;
        this.meters = meters;
    }

    /** Blocks: the incoming record is acknowledged only once its outcome is on the topic. */
    public void publish(DeploymentCompleted event) {
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
        emitter.send(message);
        sent.join();
        meters.counter("factory.deployments", "outcome", event.succeeded() ? "succeeded" : "failed").increment();
    }
}
