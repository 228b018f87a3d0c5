package dev.gigafactory.deployer.messaging;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.deployer.repository.DatabaseAnnouncements;
import dev.gigafactory.messaging.EventSender;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes DeploymentCompleted as a binary-mode CloudEvent keyed by spec, and waits until the broker has it. */
@ApplicationScoped
public class DeploymentPublisher {

    static final String SOURCE = "/gigafactory/deployer-service";
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final Emitter<byte[]> emitter;
    private final MeterRegistry meters;
    private final DatabaseAnnouncements announced;

    public DeploymentPublisher(@Channel("deployments-completed") Emitter<byte[]> emitter, MeterRegistry meters,
            DatabaseAnnouncements announced) {
        this.emitter = emitter;
        this.meters = meters;
        this.announced = announced;
    }

    /**
     * Blocks: the incoming record is acknowledged only once its outcome is on the topic. An outcome announced before
     * (a redelivered verdict for what already runs) is not announced again.
     */
    public void publish(DeploymentCompleted event) {
        if (EventSender.sendOnceAndWait(emitter, event, SOURCE, null, ACK_TIMEOUT, announced)) {
            meters.counter("factory.deployments", "outcome", event.succeeded() ? "succeeded" : "failed").increment();
        }
    }
}
