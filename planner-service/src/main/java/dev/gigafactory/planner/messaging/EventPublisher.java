package dev.gigafactory.planner.messaging;

import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.events.EventType;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.planner.domain.OutboxEvent;
import dev.gigafactory.messaging.EventSender;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Sends outbox rows (plans, abandoned versions) as CloudEvents keyed by spec name; completes on the broker's ack. */
@ApplicationScoped
public class EventPublisher {

    static final String SOURCE = "/gigafactory/planner-service";

    private final Emitter<byte[]> plans;

    public EventPublisher(@Channel("plans-created") Emitter<byte[]> plans) {
        this.plans = plans;
    }

    public Uni<Void> publish(OutboxEvent row) {
        EventType type = EventType.byCeType(row.ceType)
                .orElseThrow(() -> new IllegalStateException("outbox row " + row.eventId + " has type " + row.ceType));
        FactoryEvent event = Json.read(row.payload, type.recordType());
        return EventSender.sendReactive(plans, event, SOURCE, row.traceparent);
    }
}
