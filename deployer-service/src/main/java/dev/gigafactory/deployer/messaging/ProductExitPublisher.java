package dev.gigafactory.deployer.messaging;

import dev.gigafactory.contracts.events.ProductExited;
import dev.gigafactory.messaging.EventSender;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Publishes ProductExited the moment a product's process ends on its own. Does not wait for the broker: it is called
 * on the thread that reaps processes, and an exit that never arrives costs only time (the monitor's probes find the
 * crash by themselves).
 */
@ApplicationScoped
public class ProductExitPublisher {

    private static final Logger LOG = Logger.getLogger(ProductExitPublisher.class);

    private final Emitter<byte[]> emitter;
    private final MeterRegistry meters;

    public ProductExitPublisher(@Channel("products-exited") Emitter<byte[]> emitter, MeterRegistry meters) {
        this.emitter = emitter;
        this.meters = meters;
    }

    public void publish(ProductExited exit) {
        EventSender.send(emitter, exit, DeploymentPublisher.SOURCE, null).whenComplete((sent, failure) -> {
            if (failure == null) {
                meters.counter("factory.products.exited").increment();
            } else {
                LOG.warnf("the exit of %s v%d (pid %d) was not published (%s); the monitor's probes will find it",
                        exit.spec(), exit.version(), exit.pid(), failure.getMessage());
            }
        });
    }
}
