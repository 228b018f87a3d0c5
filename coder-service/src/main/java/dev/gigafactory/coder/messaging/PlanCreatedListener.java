package dev.gigafactory.coder.messaging;

import dev.gigafactory.coder.service.CodeGenerationService;
import dev.gigafactory.contracts.codec.CloudEvent;
import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.messaging.RecordProcessing;
import io.micrometer.core.annotation.Timed;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Plan in, code out. A record that is not a valid CloudEvent, or whose spec cannot be generated safely, throws:
 * the channel's failure strategy sends it to the dead-letter topic and the next record is processed.
 */
@ApplicationScoped
public class PlanCreatedListener {

    private static final Logger LOG = Logger.getLogger(PlanCreatedListener.class);

    private final CodeGenerationService coder;
    private final CodeGeneratedPublisher publisher;
    private final RecordProcessing processing;

    public PlanCreatedListener(CodeGenerationService coder, CodeGeneratedPublisher publisher,
            RecordProcessing processing) {
        this.coder = coder;
        this.publisher = publisher;
        this.processing = processing;
    }

    // Generation is CPU work and publishing waits for the broker: a worker thread, never the event loop.
    @Incoming("plans-created")
    @Blocking
    @Timed(value = "coder.plans", description = "Time from a plan received to its code published")
    public void consume(ConsumerRecord<String, byte[]> record) {
        processing.blocking(record, () -> {
            CloudEvent<FactoryEvent> received = CloudEventCodec.decode(record.headers(), record.value());
            if (!(received.data() instanceof PlanCreated plan)) {
                return; // another fact on the plans topic (an abandoned version): nothing to write
            }
            CodeGenerated generated = coder.generate(received.id(), plan,
                    code -> publisher.publish(code, received.traceparent()));
            LOG.infof("coded %s v%d attempt %d: %d of %d files written by %s, %s", plan.spec(), plan.version(),
                    plan.attempt(), generated.filesWritten(), generated.fileCount(), generated.tasks(),
                    generated.sourceDigest());
        });
    }
}
