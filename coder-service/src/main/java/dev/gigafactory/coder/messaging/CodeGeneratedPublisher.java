package dev.gigafactory.coder.messaging;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.EncodedEvent;
import dev.gigafactory.contracts.events.CodeGenerated;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes CodeGenerated as a binary-mode CloudEvent keyed by spec name, carrying the plan's trace on. */
@ApplicationScoped
public class CodeGeneratedPublisher {

    static final String SOURCE = "/gigafactory/coder-service";
    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final Emitter<byte[]> emitter;

    public CodeGeneratedPublisher(@Channel("code-generated") Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /**
     * Returns once the broker has the event, so the plan's offset is committed only after its result is safely
     * published (at-least-once; the deterministic CloudEvent id lets consumers drop a repeat).
     */
    public void publish(CodeGenerated event, String traceparent) {
        EncodedEvent encoded = CloudEventCodec.encode(event, SOURCE);
        if (traceparent != null) {
            encoded.headers().add(CloudEventCodec.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
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
        await(acked, encoded.id());
    }

    private static void await(CompletableFuture<Void> acked, String id) {
        try {
            acked.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused CodeGenerated " + id, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no broker ack for CodeGenerated " + id + " within "
                    + ACK_TIMEOUT_SECONDS + "s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing CodeGenerated " + id, e);
        }
    }
}
