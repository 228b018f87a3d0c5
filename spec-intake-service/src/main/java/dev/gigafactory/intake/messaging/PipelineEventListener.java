package dev.gigafactory.intake.messaging;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.intake.service.TimelineService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Follows every pipeline topic to keep the status read model; a record that is not a valid event is dead-lettered. */
@ApplicationScoped
public class PipelineEventListener {

    private final TimelineService timeline;

    public PipelineEventListener(TimelineService timeline) {
        this.timeline = timeline;
    }

    @Incoming("pipeline-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return Uni.createFrom().item(() -> CloudEventCodec.decode(record.headers(), record.value()))
                .chain(timeline::record);
    }
}
