package dev.gigafactory.deployer.messaging;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.events.SpecRetired;
import dev.gigafactory.deployer.service.Deployer;
import dev.gigafactory.messaging.RecordProcessing;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A retired spec's product is stopped and removed from its target, and the retirement is remembered so that no late
 * verdict or remediation brings it back. Naturally idempotent: the remembered retirement only ever covers more, and
 * stopping what is stopped (or was never deployed here) changes nothing, so a redelivered retirement is a no-op.
 */
@ApplicationScoped
public class SpecRetiredListener {

    private final Deployer deployer;
    private final RecordProcessing processing;

    public SpecRetiredListener(Deployer deployer, RecordProcessing processing) {
        this.deployer = deployer;
        this.processing = processing;
    }

    @Incoming("specs-retired")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        processing.blocking(record, () -> deployer
                .retire(CloudEventCodec.decode(record.headers(), record.value(), SpecRetired.class).data()));
    }
}
