package dev.gigafactory.monitor.messaging;

import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.messaging.EventSender;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes incidents as CloudEvents keyed by spec; counts them once the broker has them. */
@ApplicationScoped
public class IncidentPublisher {

    static final String SOURCE = "/gigafactory/monitor-service";

    private final Emitter<byte[]> incidents;
    private final MeterRegistry meters;

    public IncidentPublisher(@Channel("incidents-detected") Emitter<byte[]> incidents, MeterRegistry meters) {
        this.incidents = incidents;
        this.meters = meters;
    }

    public CompletionStage<Void> publish(IncidentDetected incident) {
        return EventSender.send(incidents, incident, SOURCE, null)
                .thenRun(() -> meters.counter("factory.incidents", "kind", incident.kind().name(), "action",
                        incident.action().name()).increment());
    }
}
