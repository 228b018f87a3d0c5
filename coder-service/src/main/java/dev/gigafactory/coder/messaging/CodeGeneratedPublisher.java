package dev.gigafactory.coder.messaging;

import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.messaging.Announcements;
import dev.gigafactory.messaging.EventSender;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes CodeGenerated as a binary-mode CloudEvent keyed by spec name, carrying the plan's trace on. */
@ApplicationScoped
public class CodeGeneratedPublisher {

    static final String SOURCE = "/gigafactory/coder-service";
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final int REMEMBERED = 4096;

    private final Emitter<byte[]> emitter;
    private final Announcements announced = Announcements.inMemory(REMEMBERED);

    public CodeGeneratedPublisher(@Channel("code-generated") Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /**
     * Returns once the broker has the event, so the plan's offset is committed only after its result is safely
     * published (at-least-once; the deterministic CloudEvent id lets consumers drop a repeat). A replayed plan's code,
     * announced already by this process, is not announced again.
     */
    public void publish(CodeGenerated event, String traceparent) {
        EventSender.sendOnceAndWait(emitter, event, SOURCE, traceparent, ACK_TIMEOUT, announced);
    }
}
