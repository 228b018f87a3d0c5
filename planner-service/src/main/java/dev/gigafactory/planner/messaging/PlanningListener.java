package dev.gigafactory.planner.messaging;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.messaging.RecordProcessing;
import dev.gigafactory.planner.service.PlanningService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * New spec versions, failed tests, replan incidents and token spend. Decoding inside the Uni makes a record that is
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

    @Incoming("specs-accepted")
    public Uni<Void> onSpecAccepted(ConsumerRecord<String, byte[]> record) {
        return processing.reactive(record,
                () -> Uni.createFrom()
                        .item(() -> CloudEventCodec.decode(record.headers(), record.value(), SpecAccepted.class))
                        .chain(planning::accepted));
    }

    @Incoming("tests-completed")
    public Uni<Void> onTestsCompleted(ConsumerRecord<String, byte[]> record) {
        return processing.reactive(record, () -> Uni.createFrom()
                .item(() -> CloudEventCodec.decode(record.headers(), record.value(), TestsCompleted.class))
                .chain(planning::testsCompleted));
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
