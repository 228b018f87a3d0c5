package dev.gigafactory.deployer.messaging;

import dev.gigafactory.contracts.events.DeploymentCompleted;
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

    public DeploymentPublisher(@Channel("deployments-completed") Emitter<byte[]> emitter, MeterRegistry meters) {
        this.emitter = emitter;
        this.meters = meters;
    }

    /** Blocks: the incoming record is acknowledged only once its outcome is on the topic. */
    public void publish(DeploymentCompleted event) {
        EventSender.sendAndWait(emitter, event, SOURCE, null, ACK_TIMEOUT);
        meters.counter("factory.deployments", "outcome", event.succeeded() ? "succeeded" : "failed").increment();
    }
}
