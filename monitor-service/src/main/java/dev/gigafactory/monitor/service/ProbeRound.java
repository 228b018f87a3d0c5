package dev.gigafactory.monitor.service;

import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.monitor.domain.LiveDeployment;
import dev.gigafactory.monitor.domain.MetricsSnapshot;
import dev.gigafactory.monitor.domain.ProbeResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One round of probes: every live deployment at once, so one slow product does not delay the others' verdicts. A
 * healthy product is also scraped for its SLO window, once per scrape interval: its counters are cumulative, so a
 * coarser scrape loses no request, and the probe alone decides whether it is up. Rounds may overlap (one waits for a
 * product that does not answer while the next goes on with the others); a deployment whose probe is still out is left
 * out of the next round, so probes of one product are never stacked up and its verdicts stay in order.
 */
public final class ProbeRound {

    private final Fleet fleet;
    private final HealthProber prober;
    private final IncidentDesk desk;
    private final Clock clock;
    private final Duration scrapeInterval;
    private final Set<String> probing = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> lastScraped = new ConcurrentHashMap<>();

    public ProbeRound(Fleet fleet, HealthProber prober, IncidentDesk desk, Clock clock, Duration scrapeInterval) {
        this.fleet = fleet;
        this.prober = prober;
        this.desk = desk;
        this.clock = clock;
        this.scrapeInterval = scrapeInterval;
    }

    /**
     * Returns the incidents this round starts; blocks for at most about two probe timeouts (a probe, then the scrape
     * of a product that answered it).
     */
    public List<IncidentDetected> run() {
        List<LiveDeployment> live = fleet.live();
        lastScraped.keySet().retainAll(live.stream().map(LiveDeployment::url).toList());
        List<CompletableFuture<Optional<IncidentDetected>>> probes = live.stream()
                .filter(deployment -> probing.add(deployment.spec()))
                .map(deployment -> probe(deployment).whenComplete((verdict, failure) -> probing.remove(deployment
                        .spec())))
                .toList();
        return probes.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList();
    }

    private CompletableFuture<Optional<IncidentDetected>> probe(LiveDeployment deployment) {
        return prober.probe(deployment.url()).thenCompose(result -> result.healthy() && scrapeDue(deployment)
                ? prober.scrape(deployment.url()).thenApply(metrics -> judge(deployment, result, metrics))
                : CompletableFuture.completedFuture(judge(deployment, result, Optional.empty())));
    }

    private boolean scrapeDue(LiveDeployment deployment) {
        Instant now = clock.instant();
        Instant last = lastScraped.get(deployment.url());
        if (last != null && now.isBefore(last.plus(scrapeInterval))) {
            return false;
        }
        lastScraped.put(deployment.url(), now);
        return true;
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
