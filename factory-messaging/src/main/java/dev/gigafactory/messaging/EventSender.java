package dev.gigafactory.messaging;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.EncodedEvent;
import dev.gigafactory.contracts.events.FactoryEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Puts a contract event on its topic as a binary-mode CloudEvent keyed by spec name, and tells the caller when the
 * broker has it — so a consumer acknowledges its input only after its output is safe, and a crash in between means a
 * redelivery (which the deterministic event id makes harmless), never a lost event.
 */
public final class EventSender {

    private EventSender() {
    }

    /** Completes when the broker acknowledged the record; fails when it refused it. */
    public static CompletionStage<Void> send(Emitter<byte[]> emitter, FactoryEvent event, String source,
            String traceparent) {
        return send(emitter, encode(event, source, traceparent));
    }

    private static EncodedEvent encode(FactoryEvent event, String source, String traceparent) {
        EncodedEvent encoded = CloudEventCodec.encode(event, source);
        if (traceparent != null && encoded.headers().lastHeader(CloudEventCodec.TRACEPARENT) == null) {
            encoded.headers().add(CloudEventCodec.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return encoded;
    }

    private static CompletionStage<Void> send(Emitter<byte[]> emitter, EncodedEvent encoded) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        emitter.send(Message.of(encoded.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(encoded.key())
                        .withHeaders(encoded.headers())
                        .build())
                .withAck(() -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return acknowledged;
    }

    /**
     * For reactive callers: the broker acknowledges on a Kafka thread, and what the caller does next (Hibernate
     * Reactive, above all) needs its own Vert.x context back.
     */
    public static Uni<Void> sendReactive(Emitter<byte[]> emitter, FactoryEvent event, String source,
            String traceparent) {
        Context caller = Vertx.currentContext();
        Uni<Void> acknowledged = Uni.createFrom().completionStage(() -> send(emitter, event, source, traceparent));
        return caller == null
                ? acknowledged
                : acknowledged.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    /** For blocking callers on worker threads: returns once the broker has the record, or throws. */
    public static void sendAndWait(Emitter<byte[]> emitter, FactoryEvent event, String source, String traceparent,
            Duration timeout) {
        await(send(emitter, event, source, traceparent), event, timeout);
    }

    /**
     * Like {@link #sendAndWait}, unless this very event (same deterministic id) is among {@code announced} already:
     * then nothing is sent. Returns whether it was sent; once it was, its id is added to {@code announced}.
     */
    public static boolean sendOnceAndWait(Emitter<byte[]> emitter, FactoryEvent event, String source,
            String traceparent, Duration timeout, Announcements announced) {
        EncodedEvent encoded = encode(event, source, traceparent);
        if (announced.contains(encoded.id())) {
            return false;
        }
        await(send(emitter, encoded), event, timeout);
        announced.add(encoded.id());
        return true;
    }

    private static void await(CompletionStage<Void> sent, FactoryEvent event, Duration timeout) {
        try {
            sent.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(describe(event) + " was not published", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + describe(event), e);
        }
    }

    private static String describe(FactoryEvent event) {
        return event.getClass().getSimpleName() + " for " + event.spec() + " v" + event.version() + " attempt "
                + event.attempt();
    }
}
