package dev.gigafactory.tester.messaging;

import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.events.TestsWaiting;
import dev.gigafactory.messaging.Announcements;
import dev.gigafactory.messaging.EventSender;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes verdicts, and that code waits for the gate, as CloudEvents keyed by spec name; returns once sent. */
@ApplicationScoped
public class VerdictPublisher {

    static final String SOURCE = "/gigafactory/tester-service";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final int REMEMBERED = 4096;

    private final Emitter<byte[]> emitter;
    private final Clock clock;
    private final Announcements announced = Announcements.inMemory(REMEMBERED);

    public VerdictPublisher(@Channel("tests-completed") Emitter<byte[]> emitter) {
        this.emitter = emitter;
        this.clock = Clock.systemUTC();
    }

    /**
     * Returns once the broker acknowledged, so the incoming record is committed only after its verdict is out. The
     * trace of the code that was tested continues into the verdict. A verdict this process announced already (a
     * replayed CodeGenerated gets the remembered one back) is not announced again.
     */
    public void publish(TestsCompleted verdict, String traceparent) {
        EventSender.sendOnceAndWait(emitter, verdict, SOURCE, traceparent, SEND_TIMEOUT, announced);
    }

    /**
     * Says the code waits for the gate and why. The record is retried every couple of seconds while the outage lasts;
     * its id is derived from the reason, so only a new reason is announced again. Returns whether it was announced.
     */
    public boolean waiting(CodeGenerated code, String reason, String traceparent) {
        TestsWaiting waiting = new TestsWaiting(code.spec(), code.version(), code.attempt(), code.sourceDigest(),
                reason, clock.instant());
        return EventSender.sendOnceAndWait(emitter, waiting, SOURCE, traceparent, SEND_TIMEOUT, announced);
    }
}
