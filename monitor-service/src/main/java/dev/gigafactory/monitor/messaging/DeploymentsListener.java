package dev.gigafactory.monitor.messaging;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.InvalidEventException;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.events.ProductExited;
import dev.gigafactory.messaging.RecordProcessing;
import dev.gigafactory.monitor.service.Fleet;
import dev.gigafactory.monitor.service.IncidentDesk;
import dev.gigafactory.monitor.service.MonitorStore;
import dev.gigafactory.monitor.service.ProbeScheduler;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What the deployer says of the products, on one consumer. A DeploymentCompleted: the fleet watches the newest serving
 * version of each spec (or the one a rollback brought back), and the incident a remediation answers moves on. A
 * ProductExited: the product is probed at once, and a probe that finds nothing behind its stable URL is a crash
 * without waiting for the failure threshold. Both naturally idempotent (an upsert per spec; a replayed remediation
 * finds its incident already moved on; a redelivered exit finds the crash's incident open, or the restart watched
 * since after it); any other record goes to the dead-letter topic.
 */
@ApplicationScoped
public class DeploymentsListener {

    private final Fleet fleet;
    private final IncidentDesk desk;
    private final MonitorStore store;
    private final ProbeScheduler probes;
    private final Clock clock;
    private final RecordProcessing processing;

    public DeploymentsListener(Fleet fleet, IncidentDesk desk, MonitorStore store, ProbeScheduler probes,
            Clock clock, RecordProcessing processing) {
        this.fleet = fleet;
        this.desk = desk;
        this.store = store;
        this.probes = probes;
        this.clock = clock;
        this.processing = processing;
    }

    @Incoming("deployments")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        processing.blocking(record, () -> {
            FactoryEvent event = CloudEventCodec.decode(record.headers(), record.value()).data();
            if (event instanceof DeploymentCompleted deployment) {
                deployed(deployment);
            } else if (event instanceof ProductExited exit) {
                probes.exited(exit);
            } else {
                throw new InvalidEventException("a " + event.getClass().getSimpleName() + " is not a deployment event");
            }
        });
    }

    private void deployed(DeploymentCompleted deployment) {
        Instant now = clock.instant();
        // the incident first: once the new URL is watched, its first healthy probe must find the remediation noted
        desk.deployed(deployment, now);
        fleet.track(deployment, now).ifPresent(store::save);
    }
}
