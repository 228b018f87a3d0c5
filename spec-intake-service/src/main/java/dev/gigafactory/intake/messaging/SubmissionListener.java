package dev.gigafactory.intake.messaging;

import dev.gigafactory.contracts.events.Submission;
import dev.gigafactory.intake.service.SubmissionService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Raw documents from any Kafka client: YAML or JSON bytes, with or without key or headers. */
@ApplicationScoped
public class SubmissionListener {

    private final SubmissionService submissions;

    public SubmissionListener(SubmissionService submissions) {
        this.submissions = submissions;
    }

    @Incoming("specs-submitted")
    public Uni<Void> consume(ConsumerRecord<byte[], byte[]> record) {
        Submission source = Submission.fromTopic(record.topic(), record.partition(), record.offset());
        return submissions.submit(record.value(), source).replaceWithVoid();
    }
}
