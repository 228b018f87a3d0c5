package dev.gigafactory.monitor.service;

import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.ProductExited;
import dev.gigafactory.monitor.messaging.IncidentPublisher;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * Every {@code monitor.probe-interval}, on a worker thread: a probe round over the fleet and a look for stuck
 * pipeline stages; then publishes the incidents they start. Out of turn, a probe of one product whose process the
 * deployer saw end.
 */
@ApplicationScoped
public class ProbeScheduler {

    private static final Logger LOG = Logger.getLogger(ProbeScheduler.class);

    private final Fleet fleet;
    private final ProbeRound round;
    private final StageTracker stages;
    private final IncidentDesk desk;
    private final IncidentPublisher publisher;
    private final Clock clock;

    public ProbeScheduler(Fleet fleet, ProbeRound round, StageTracker stages, IncidentDesk desk,
            IncidentPublisher publisher, Clock clock) {
        this.fleet = fleet;
        this.round = round;
        this.stages = stages;
        this.desk = desk;
        this.publisher = publisher;
        this.clock = clock;
    }

    // PROCEED: a round waiting out the probe timeout of a product that does not answer must not cost every other
    // product its next probe (with SKIP, one hung product halved everyone's probe rate); ProbeRound leaves a product
    // whose probe is still out to the round that is waiting for it.
    @Scheduled(identity = "health-probes", every = "${monitor.probe-interval:1s}", concurrentExecution = ConcurrentExecution.PROCEED)
    void probe() {
        List<IncidentDetected> incidents = new ArrayList<>(round.run());
        Instant now = clock.instant();
        stages.stuck(now).stream()
                .map(trouble -> desk.trouble(trouble, false, now))
                .flatMap(Optional::stream)
                .forEach(incidents::add);
        incidents.forEach(this::publish);
    }

    /** The deployer saw the product's process end: probe it now, and announce the crash it confirms. */
    public void exited(ProductExited exit) {
        fleet.exited(exit).flatMap(deployment -> round.probeNow(deployment.spec())).ifPresent(this::publish);
    }

    private void publish(IncidentDetected incident) {
        try {
            publisher.publish(incident).toCompletableFuture().join();
            LOG.infof("incident %s: %s v%d %s → %s (%s)", incident.incidentId(), incident.spec(), incident.version(),
                    incident.kind(), incident.action(), incident.evidence());
        } catch (CompletionException e) {
            LOG.warnf("incident for %s not published (%s); deciding again on the next round", incident.spec(),
                    e.getMessage());
            desk.undeliverable(incident);
        }
    }
}
