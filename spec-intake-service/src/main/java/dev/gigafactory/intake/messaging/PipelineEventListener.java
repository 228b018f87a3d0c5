package dev.gigafactory.intake.messaging;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.intake.service.TimelineService;
import dev.gigafactory.messaging.RecordProcessing;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Follows every pipeline topic to keep the status read model; a record that is not a valid event is dead-lettered. */
@ApplicationScoped
public class PipelineEventListener {

    private final TimelineService timeline;
    private final RecordProcessing processing;

    public PipelineEventListener(TimelineService timeline, RecordProcessing processing) {
        this.timeline = timeline;
        this.processing = processing;
    }

    @Incoming("pipeline-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return processing.reactive(record, () -> Uni.createFrom()
                .item(() -> CloudEventCodec.decode(record.headers(), record.value())).chain(timeline::record));
    }
}
