package dev.gigafactory.monitor.service;

import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.monitor.domain.LiveDeployment;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** One round of probes: every live deployment at once, so one slow product does not delay the others' verdicts. */
public final class ProbeRound {

    private final Fleet fleet;
    private final HealthProber prober;
    private final Clock clock;

    public ProbeRound(Fleet fleet, HealthProber prober, Clock clock) {
        this.fleet = fleet;
        this.prober = prober;
        this.clock = clock;
    }

    /** Returns the incidents this round starts; blocks for at most about one probe timeout. */
    public List<IncidentDetected> run() {
        List<CompletableFuture<Optional<IncidentDetected>>> probes = fleet.live().stream()
                .map(this::probe)
                .toList();
        return probes.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList();
    }

    private CompletableFuture<Optional<IncidentDetected>> probe(LiveDeployment deployment) {
        return prober.probe(deployment.url()).thenApply(result -> fleet.record(deployment, result, clock.instant()));
    }
}
