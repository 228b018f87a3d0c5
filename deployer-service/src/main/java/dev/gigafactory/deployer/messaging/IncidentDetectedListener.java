package dev.gigafactory.deployer.messaging;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.deployer.service.Deployer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import dev.gigafactory.messaging.RecordProcessing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Incidents in (restart, rollback), the resulting deployment out. */
@ApplicationScoped
public class IncidentDetectedListener {

    private final Deployer deployer;
    private final DeploymentPublisher publisher;
    private final RecordProcessing processing;

    public IncidentDetectedListener(Deployer deployer, DeploymentPublisher publisher, RecordProcessing processing) {
        this.deployer = deployer;
        this.publisher = publisher;
        this.processing = processing;
    }

    @Incoming("incidents-detected")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        processing.blocking(record, () -> {
            IncidentDetected incident = CloudEventCodec.decode(record.headers(), record.value(), IncidentDetected.class)
                    .data();
            deployer.onIncident(incident).ifPresent(publisher::publish);
        });
    }
}
