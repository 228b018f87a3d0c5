package dev.gigafactory.monitor.service;

import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.monitor.domain.LiveDeployment;
import dev.gigafactory.monitor.domain.MetricsSnapshot;
import dev.gigafactory.monitor.domain.ProbeResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One round of probes: every live deployment at once, so one slow product does not delay the others' verdicts. A
 * healthy product is also scraped for its SLO window.
 */
public final class ProbeRound {

    private final Fleet fleet;
    private final HealthProber prober;
    private final IncidentDesk desk;
    private final Clock clock;

    public ProbeRound(Fleet fleet, HealthProber prober, IncidentDesk desk, Clock clock) {
        this.fleet = fleet;
        this.prober = prober;
        this.desk = desk;
        this.clock = clock;
    }

    /** Returns the incidents this round starts; blocks for at most about two probe timeouts. */
    public List<IncidentDetected> run() {
        List<CompletableFuture<Optional<IncidentDetected>>> probes = fleet.live().stream()
                .map(this::probe)
                .toList();
        return probes.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList();
    }

    private CompletableFuture<Optional<IncidentDetected>> probe(LiveDeployment deployment) {
        return prober.probe(deployment.url()).thenCompose(result -> result.healthy()
                ? prober.scrape(deployment.url()).thenApply(metrics -> judge(deployment, result, metrics))
                : CompletableFuture.completedFuture(judge(deployment, result, Optional.empty())));
    }

    private Optional<IncidentDetected> judge(LiveDeployment deployment, ProbeResult result,
            Optional<MetricsSnapshot> metrics) {
        Instant now = clock.instant();
        Fleet.Verdict verdict = fleet.record(deployment, result, metrics, now);
        if (verdict instanceof Fleet.Healthy) {
            desk.healthy(deployment.spec(), now);
        } else if (verdict instanceof Fleet.Troubled troubled) {
            return desk.trouble(troubled.trouble(),
                    fleet.rollbackPossible(deployment.spec(), deployment.version()), now);
        }
        return Optional.empty();
    }
}
