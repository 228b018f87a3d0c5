package dev.gigafactory.intake.messaging;

import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.SpecRejected;
import dev.gigafactory.contracts.events.SpecRetried;
import dev.gigafactory.contracts.events.SpecUnchanged;
import dev.gigafactory.messaging.EventSender;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

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

    public Uni<Void> publish(SpecRetried event) {
        return send(accepted, event);
    }

    public Uni<Void> publish(SpecUnchanged event) {
        return send(rejected, event);
    }

    public Uni<Void> publish(SpecRejected event) {
        return send(rejected, event);
    }

    private static Uni<Void> send(Emitter<byte[]> emitter, FactoryEvent event) {
        return EventSender.sendReactive(emitter, event, SOURCE, null);
    }
}
