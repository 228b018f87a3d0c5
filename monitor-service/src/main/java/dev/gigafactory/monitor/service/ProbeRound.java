package dev.gigafactory.monitor.service;

import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.monitor.domain.LiveDeployment;
import dev.gigafactory.monitor.domain.MetricsSnapshot;
import dev.gigafactory.monitor.domain.ProbeResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One round of probes: every live deployment at once, so one slow product does not delay the others' verdicts. A
 * healthy product is also scraped for its SLO window. Rounds may overlap (one waits for a product that does not
 * answer while the next goes on with the others); a deployment whose probe is still out is left out of the next round,
 * so probes of one product are never stacked up and its verdicts stay in order.
 */
public final class ProbeRound {

    private final Fleet fleet;
    private final HealthProber prober;
    private final IncidentDesk desk;
    private final Clock clock;
    private final Set<String> probing = ConcurrentHashMap.newKeySet();

    public ProbeRound(Fleet fleet, HealthProber prober, IncidentDesk desk, Clock clock) {
        this.fleet = fleet;
        this.prober = prober;
        this.desk = desk;
        this.clock = clock;
    }

    /**
     * Returns the incidents this round starts; blocks for at most about two probe timeouts (a probe, then the scrape
     * of a product that answered it).
     */
    public List<IncidentDetected> run() {
        List<CompletableFuture<Optional<IncidentDetected>>> probes = fleet.live().stream()
                .filter(deployment -> probing.add(deployment.spec()))
                .map(deployment -> probe(deployment).whenComplete((verdict, failure) -> probing.remove(deployment
                        .spec())))
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
