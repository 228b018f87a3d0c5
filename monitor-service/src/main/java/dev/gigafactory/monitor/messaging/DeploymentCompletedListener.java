package dev.gigafactory.monitor.messaging;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.monitor.service.Fleet;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Deployments in: the fleet watches the newest serving version of each spec. Naturally idempotent (an upsert per
 * spec), so it needs no id bookkeeping; a record that is not a DeploymentCompleted goes to the dead-letter topic.
 */
@ApplicationScoped
public class DeploymentCompletedListener {

    private final Fleet fleet;

    public DeploymentCompletedListener(Fleet fleet) {
        this.fleet = fleet;
    }

    @Incoming("deployments-completed")
    public void consume(ConsumerRecord<String, byte[]> record) {
        fleet.track(CloudEventCodec.decode(record.headers(), record.value(), DeploymentCompleted.class).data());
    }
}
