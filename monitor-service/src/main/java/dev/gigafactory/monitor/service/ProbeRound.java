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
 * One round of probes: every live deployment that is due, at once, so one slow product does not delay the others'
 * verdicts. A deployment is due every round until it has answered {@link Cadence#steadyAfter} probes in a row, then
 * once per steady interval (a failed probe, or its process's exit, puts it back on every round); a failed probe short
 * of the failure threshold is tried again at once. A healthy product is
 * also scraped for its SLO window, once per scrape interval: its counters are cumulative, so a coarser scrape loses no
 * request, and the probe alone decides whether it is up. Rounds may overlap (one waits for a product that does not
 * answer while the next goes on with the others); a deployment whose probe is still out is left out of the next round,
 * so probes of one product are never stacked up and its verdicts stay in order.
 */
public final class ProbeRound {

    /** How often a settled deployment is probed, after how many healthy probes in a row, and how often scraped. */
    public record Cadence(Duration steadyInterval, int steadyAfter, Duration scrapeInterval) {
    }

    // Rounds start on the scheduler's beat, a few milliseconds early or late: without it a 3 s interval becomes 4 s.
    private static final Duration BEAT_SLACK = Duration.ofMillis(250);

    private final Fleet fleet;
    private final HealthProber prober;
    private final IncidentDesk desk;
    private final Clock clock;
    private final Cadence cadence;
    private final Set<String> probing = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> lastProbed = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastScraped = new ConcurrentHashMap<>();

    public ProbeRound(Fleet fleet, HealthProber prober, IncidentDesk desk, Clock clock, Cadence cadence) {
        this.fleet = fleet;
        this.prober = prober;
        this.desk = desk;
        this.clock = clock;
        this.cadence = cadence;
    }

    /**
     * Returns the incidents this round starts; blocks for at most about two probe timeouts (a probe, then the scrape
     * of a product that answered it).
     */
    public List<IncidentDetected> run() {
        List<LiveDeployment> live = fleet.live();
        lastScraped.keySet().retainAll(live.stream().map(LiveDeployment::url).toList());
        lastProbed.keySet().retainAll(live.stream().map(LiveDeployment::spec).toList());
        Instant now = clock.instant();
        List<CompletableFuture<Optional<IncidentDetected>>> probes = live.stream()
                .filter(deployment -> due(deployment, now) && probing.add(deployment.spec()))
                .map(deployment -> start(deployment, now))
                .toList();
        return probes.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList();
    }

    /**
     * Probes the spec's watched deployment now, out of turn; returns the incident it starts. Nothing when none is
     * watched, or when a probe of it is already out (its verdict is on its way).
     */
    public Optional<IncidentDetected> probeNow(String spec) {
        return fleet.watched(spec).filter(deployment -> probing.add(spec))
                .flatMap(deployment -> start(deployment, clock.instant()).join());
    }

    private boolean due(LiveDeployment deployment, Instant now) {
        Instant last = lastProbed.get(deployment.spec());
        return last == null || fleet.healthyStreak(deployment.spec()) < cadence.steadyAfter()
                || !now.plus(BEAT_SLACK).isBefore(last.plus(cadence.steadyInterval()));
    }

    private CompletableFuture<Optional<IncidentDetected>> start(LiveDeployment deployment, Instant now) {
        lastProbed.put(deployment.spec(), now);
        return probe(deployment).whenComplete((verdict, failure) -> probing.remove(deployment.spec()));
    }

    // A failed probe short of the threshold is tried again at once: the threshold is there to rule out one bad answer,
    // not to wait for the next round, which would find a hung product's first probe still waiting out its timeout.
    private CompletableFuture<Optional<IncidentDetected>> probe(LiveDeployment deployment) {
        return prober.probe(deployment.url()).thenCompose(result -> result.healthy() && scrapeDue(deployment)
                ? prober.scrape(deployment.url()).thenApply(metrics -> record(deployment, result, metrics))
                : CompletableFuture.completedFuture(record(deployment, result, Optional.empty())))
                .thenCompose(verdict -> verdict instanceof Fleet.Failing
                        ? probe(deployment)
                        : CompletableFuture.completedFuture(decide(deployment, verdict)));
    }

    private boolean scrapeDue(LiveDeployment deployment) {
        Instant now = clock.instant();
        Instant last = lastScraped.get(deployment.url());
        if (last != null && now.isBefore(last.plus(cadence.scrapeInterval()))) {
            return false;
        }
        lastScraped.put(deployment.url(), now);
        return true;
    }

    private Fleet.Verdict record(LiveDeployment deployment, ProbeResult result, Optional<MetricsSnapshot> metrics) {
        return fleet.record(deployment, result, metrics, clock.instant());
    }

    private Optional<IncidentDetected> decide(LiveDeployment deployment, Fleet.Verdict verdict) {
        Instant now = clock.instant();
        if (verdict instanceof Fleet.Healthy) {
            desk.healthy(deployment.spec(), now);
        } else if (verdict instanceof Fleet.Troubled troubled) {
            return desk.trouble(troubled.trouble(),
                    fleet.rollbackPossible(deployment.spec(), deployment.version()), now);
        }
        return Optional.empty();
    }
}
