package dev.gigafactory.monitor.service;

import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.monitor.messaging.IncidentPublisher;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/** Runs a probe round every {@code monitor.probe-interval} on a worker thread and publishes what it finds. */
@ApplicationScoped
public class ProbeScheduler {

    private static final Logger LOG = Logger.getLogger(ProbeScheduler.class);

    private final ProbeRound round;
    private final Fleet fleet;
    private final IncidentPublisher publisher;

    public ProbeScheduler(ProbeRound round, Fleet fleet, IncidentPublisher publisher) {
        this.round = round;
        this.fleet = fleet;
        this.publisher = publisher;
    }

    // SKIP: a round that outlasts the interval (every probe timing out) is not stacked up behind.
    @Scheduled(identity = "health-probes", every = "${monitor.probe-interval:1s}", concurrentExecution = ConcurrentExecution.SKIP)
    void probe() {
        for (IncidentDetected incident : round.run()) {
            try {
                publisher.publish(incident).toCompletableFuture().join();
                LOG.infof("incident %s: %s v%d %s", incident.incidentId(), incident.spec(), incident.version(),
                        incident.evidence());
            } catch (CompletionException e) {
                LOG.warnf("incident for %s not published (%s); raising it again on the next failure",
                        incident.spec(), e.getMessage());
                fleet.undeliverable(incident);
            }
        }
    }
}
