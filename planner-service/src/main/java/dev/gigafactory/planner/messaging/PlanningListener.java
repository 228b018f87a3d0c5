package dev.gigafactory.planner.messaging;

import dev.gigafactory.contracts.codec.CloudEvent;
import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.InvalidEventException;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.SpecRetried;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.events.TestsWaiting;
import dev.gigafactory.messaging.RecordProcessing;
import dev.gigafactory.planner.service.PlanningService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * New spec versions and retries, failed tests, replan incidents and token spend. Decoding inside the Uni makes a record that is
 * not a valid event fail the message, so the channel's failure strategy dead-letters it and goes on.
 */
@ApplicationScoped
public class PlanningListener {

    private final PlanningService planning;
    private final RecordProcessing processing;

    public PlanningListener(PlanningService planning, RecordProcessing processing) {
        this.planning = planning;
        this.processing = processing;
    }

    /** New versions and retries of failed ones share the topic, so one spec's requests stay in order. */
    @Incoming("specs-accepted")
    public Uni<Void> onSpecAccepted(ConsumerRecord<String, byte[]> record) {
        return processing.reactive(record,
                () -> Uni.createFrom().item(() -> CloudEventCodec.decode(record.headers(), record.value()))
                        .chain(this::onSpecEvent));
    }

    @SuppressWarnings("unchecked")
    private Uni<Void> onSpecEvent(CloudEvent<FactoryEvent> event) {
        if (event.data() instanceof SpecAccepted) {
            return planning.accepted((CloudEvent<SpecAccepted>) (CloudEvent<?>) event);
        }
        if (event.data() instanceof SpecRetried) {
            return planning.retried((CloudEvent<SpecRetried>) (CloudEvent<?>) event);
        }
        throw new InvalidEventException("expected SpecAccepted or SpecRetried but the record is " + event.type());
    }

    /** Verdicts; the tester's TestsWaiting shares the topic and is no verdict: nothing to plan, nothing spent. */
    @Incoming("tests-completed")
    public Uni<Void> onTestsCompleted(ConsumerRecord<String, byte[]> record) {
        return processing.reactive(record, () -> Uni.createFrom()
                .item(() -> CloudEventCodec.decode(record.headers(), record.value())).chain(this::onVerdict));
    }

    @SuppressWarnings("unchecked")
    private Uni<Void> onVerdict(CloudEvent<FactoryEvent> event) {
        if (event.data() instanceof TestsWaiting) {
            return Uni.createFrom().voidItem();
        }
        if (event.data() instanceof TestsCompleted) {
            return planning.testsCompleted((CloudEvent<TestsCompleted>) (CloudEvent<?>) event);
        }
        throw new InvalidEventException("expected TestsCompleted but the record is " + event.type());
    }

    @Incoming("incidents-detected")
    public Uni<Void> onIncident(ConsumerRecord<String, byte[]> record) {
        return processing.reactive(record, () -> Uni.createFrom()
                .item(() -> CloudEventCodec.decode(record.headers(), record.value(), IncidentDetected.class))
                .chain(planning::incident));
    }

    @Incoming("ledger")
    public Uni<Void> onLedgerEntry(ConsumerRecord<String, byte[]> record) {
        return processing.reactive(record, () -> Uni.createFrom()
                .item(() -> CloudEventCodec.decode(record.headers(), record.value(), LedgerEntryRecorded.class))
                .chain(planning::ledger));
    }
}
