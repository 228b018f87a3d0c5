package dev.gigafactory.tester.messaging;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.EncodedEvent;
import dev.gigafactory.contracts.events.TestsCompleted;
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

/** Publishes verdicts as CloudEvents keyed by spec name, and waits until the broker has them. */
@ApplicationScoped
public class VerdictPublisher {

    static final String SOURCE = "/gigafactory/tester-service";
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final Emitter<byte[]> emitter;

    public VerdictPublisher(@Channel("tests-completed") Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /**
     * Returns once the broker acknowledged, so the incoming record is committed only after its verdict is out. The
     * trace of the code that was tested continues into the verdict.
     */
    public void publish(TestsCompleted verdict, String traceparent) {
        EncodedEvent encoded = CloudEventCodec.encode(verdict, SOURCE);
        if (traceparent != null) {
            encoded.headers().add(CloudEventCodec.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
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
        await(sent, verdict);
    }

    private static void await(CompletableFuture<Void> sent, TestsCompleted verdict) {
        try {
            sent.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("verdict for " + verdict.spec() + " v" + verdict.version() + " attempt "
                    + verdict.attempt() + " was not published", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing a verdict", e);
        }
    }
}
