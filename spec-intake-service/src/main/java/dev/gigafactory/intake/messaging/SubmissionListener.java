package dev.gigafactory.intake.messaging;

import dev.gigafactory.contracts.events.Submission;
import dev.gigafactory.intake.service.SubmissionOutcome;
import dev.gigafactory.intake.service.SubmissionService;
import dev.gigafactory.messaging.RecordProcessing;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Raw documents from any Kafka client: YAML or JSON bytes, with or without key or headers. */
@ApplicationScoped
public class SubmissionListener {

    private final SubmissionService submissions;
    private final RecordProcessing processing;

    public SubmissionListener(SubmissionService submissions, RecordProcessing processing) {
        this.submissions = submissions;
        this.processing = processing;
    }

    /**
     * Every document gets an answer on the accepted or rejected topic (an unchanged one: SpecUnchanged, saying where
     * its version is and, if it failed, how to retry it). One whose bytes are not even text is, in
     * addition, failed here so the channel's failure strategy copies it to the dead-letter topic with the reason in
     * its headers, and the partition moves on.
     */
    @Incoming("specs-submitted")
    public Uni<Void> consume(ConsumerRecord<byte[], byte[]> record) {
        Submission source = Submission.fromTopic(record.topic(), record.partition(), record.offset());
        return processing.reactive(record, () -> submissions.submit(record.value(), source).chain(outcome -> {
            if (outcome instanceof SubmissionOutcome.Rejected rejected && rejected.unreadable()) {
                return Uni.createFrom().failure(new UnreadableRecordException(rejected.problems().get(0).message()));
            }
            if (outcome instanceof SubmissionOutcome.Unchanged unchanged) {
                return submissions.announceUnchanged(unchanged, source);
            }
            return Uni.createFrom().voidItem();
        }));
    }
}
