package dev.gigafactory.deployer.messaging;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.InvalidEventException;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.events.TestsWaiting;
import dev.gigafactory.deployer.service.Deployer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import dev.gigafactory.messaging.RecordProcessing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Verdicts in, deployments out. A tester's TestsWaiting is skipped; any other record that is not a TestsCompleted
 * fails and goes to the dead-letter topic.
 */
@ApplicationScoped
public class TestsCompletedListener {

    private final Deployer deployer;
    private final DeploymentPublisher publisher;
    private final RecordProcessing processing;

    public TestsCompletedListener(Deployer deployer, DeploymentPublisher publisher, RecordProcessing processing) {
        this.deployer = deployer;
        this.publisher = publisher;
        this.processing = processing;
    }

    // Blocking and ordered: starting a product takes seconds, and one spec's verdicts must apply in order.
    @Incoming("tests-completed")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        processing.blocking(record, () -> {
            FactoryEvent event = CloudEventCodec.decode(record.headers(), record.value()).data();
            if (event instanceof TestsWaiting) {
                return; // the tester is waiting out an outage: nothing to deploy yet
            }
            if (!(event instanceof TestsCompleted verdict)) {
                throw new InvalidEventException("expected TestsCompleted but the record is " + event.getClass()
                        .getSimpleName());
            }
            deployer.onTestsCompleted(verdict).ifPresent(publisher::publish);
        });
    }
}
