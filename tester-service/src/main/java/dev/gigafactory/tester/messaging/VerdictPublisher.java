package dev.gigafactory.tester.messaging;

import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.messaging.Announcements;
import dev.gigafactory.messaging.EventSender;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes verdicts as CloudEvents keyed by spec name, and waits until the broker has them. */
@ApplicationScoped
public class VerdictPublisher {

    static final String SOURCE = "/gigafactory/tester-service";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final int REMEMBERED = 4096;

    private final Emitter<byte[]> emitter;
    private final Announcements announced = Announcements.inMemory(REMEMBERED);

    public VerdictPublisher(@Channel("tests-completed") Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /**
     * Returns once the broker acknowledged, so the incoming record is committed only after its verdict is out. The
     * trace of the code that was tested continues into the verdict. A verdict this process announced already (a
     * replayed CodeGenerated gets the remembered one back) is not announced again.
     */
    public void publish(TestsCompleted verdict, String traceparent) {
        EventSender.sendOnceAndWait(emitter, verdict, SOURCE, traceparent, SEND_TIMEOUT, announced);
    }
}
