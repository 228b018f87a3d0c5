package dev.gigafactory.monitor.messaging;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.monitor.service.Fleet;
import dev.gigafactory.monitor.service.IncidentDesk;
import dev.gigafactory.monitor.service.MonitorStore;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import dev.gigafactory.messaging.RecordProcessing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Deployments in: the fleet watches the newest serving version of each spec (or the one a rollback brought back),
 * and the incident a remediation answers moves on. Naturally idempotent (an upsert per spec; a replayed remediation
 * finds its incident already moved on); a record that is not a DeploymentCompleted goes to the dead-letter topic.
 */
@ApplicationScoped
public class DeploymentCompletedListener {

    private final Fleet fleet;
    private final IncidentDesk desk;
    private final MonitorStore store;
    private final Clock clock;
    private final RecordProcessing processing;

    public DeploymentCompletedListener(Fleet fleet, IncidentDesk desk, MonitorStore store, Clock clock,
            RecordProcessing processing) {
        this.fleet = fleet;
        this.desk = desk;
        this.store = store;
        this.clock = clock;
        this.processing = processing;
    }

    @Incoming("deployments-completed")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        processing.blocking(record, () -> {
            DeploymentCompleted deployment = CloudEventCodec
                    .decode(record.headers(), record.value(), DeploymentCompleted.class).data();
            Instant now = clock.instant();
            // the incident first: once the new URL is watched, its first healthy probe must find the remediation noted
            desk.deployed(deployment, now);
            fleet.track(deployment, now).ifPresent(store::save);
        });
    }
}
