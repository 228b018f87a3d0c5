package dev.gigafactory.monitor.messaging;

import dev.gigafactory.contracts.codec.CloudEvent;
import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.monitor.service.IncidentDesk;
import dev.gigafactory.monitor.service.MonitorStore;
import dev.gigafactory.monitor.service.StageTracker;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import dev.gigafactory.messaging.RecordProcessing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every pipeline topic, in the monitor's own group: when each spec version last changed stage, so a stage that
 * makes no progress is seen. Any event type is read (types this listener does not map change nothing); a record
 * that is no event at all goes to the dead-letter topic.
 */
@ApplicationScoped
public class PipelineProgressListener {

    private final StageTracker stages;
    private final IncidentDesk desk;
    private final MonitorStore store;
    private final Clock clock;
    private final RecordProcessing processing;

    public PipelineProgressListener(StageTracker stages, IncidentDesk desk, MonitorStore store, Clock clock,
            RecordProcessing processing) {
        this.stages = stages;
        this.desk = desk;
        this.store = store;
        this.clock = clock;
        this.processing = processing;
    }

    @Incoming("pipeline-progress")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        processing.blocking(record, () -> {
            CloudEvent<FactoryEvent> event = CloudEventCodec.decode(record.headers(), record.value());
            // the event's own time, so a backlog read after a restart of the monitor does not look fresh
            stages.advance(event.data(), event.time() != null ? event.time() : clock.instant()).ifPresent(progress -> {
                store.save(progress);
                if (!(event.data() instanceof IncidentDetected)) {
                    desk.progressed(progress.spec(), clock.instant()); // our own REPLAN is no progress of the pipeline
                }
            });
        });
    }
}
