package dev.gigafactory.monitor.messaging;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.events.SpecRetired;
import dev.gigafactory.messaging.RecordProcessing;
import dev.gigafactory.monitor.service.Fleet;
import dev.gigafactory.monitor.service.MonitorStore;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A retired spec is watched no more, now or after a restart: its product is being removed on purpose, and probing
 * it would raise incidents that bring it back. Naturally idempotent (forgetting twice is forgetting once).
 */
@ApplicationScoped
public class SpecRetiredListener {

    private final Fleet fleet;
    private final MonitorStore store;
    private final RecordProcessing processing;

    public SpecRetiredListener(Fleet fleet, MonitorStore store, RecordProcessing processing) {
        this.fleet = fleet;
        this.store = store;
        this.processing = processing;
    }

    @Incoming("specs-retired")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        processing.blocking(record, () -> {
            SpecRetired retired = CloudEventCodec.decode(record.headers(), record.value(), SpecRetired.class).data();
            // the store first: a crash between the two leaves nothing that a restart would watch again
            store.forget(retired.spec());
            fleet.forget(retired.spec());
        });
    }
}
