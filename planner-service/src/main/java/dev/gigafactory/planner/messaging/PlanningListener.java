package dev.gigafactory.planner.messaging;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.planner.service.Planner;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** New spec versions and failed tests become plans; a record that is not a valid event is dead-lettered. */
@ApplicationScoped
public class PlanningListener {

    private final Planner planner;
    private final PlanPublisher publisher;

    public PlanningListener(Planner planner, PlanPublisher publisher) {
        this.planner = planner;
        this.publisher = publisher;
    }

    @Incoming("specs-accepted")
    public CompletionStage<Void> onSpecAccepted(ConsumerRecord<String, byte[]> record) {
        SpecAccepted accepted = CloudEventCodec.decode(record.headers(), record.value(), SpecAccepted.class).data();
        return publisher.publish(planner.plan(accepted));
    }

    @Incoming("tests-completed")
    public CompletionStage<Void> onTestsCompleted(ConsumerRecord<String, byte[]> record) {
        TestsCompleted tests = CloudEventCodec.decode(record.headers(), record.value(), TestsCompleted.class).data();
        return planner.repair(tests).map(publisher::publish).orElse(CompletableFuture.completedFuture(null));
    }

    @Incoming("incidents-detected")
    public CompletionStage<Void> onIncident(ConsumerRecord<String, byte[]> record) {
        // Validated so poison is dead-lettered; replanning needs the spec document, which arrives with issue #6.
        CloudEventCodec.decode(record.headers(), record.value(), IncidentDetected.class);
        return CompletableFuture.completedFuture(null);
    }
}
