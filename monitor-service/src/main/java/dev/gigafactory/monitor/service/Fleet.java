package dev.gigafactory.monitor.service;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected.Kind;
import dev.gigafactory.contracts.events.ProductExited;
import dev.gigafactory.contracts.product.ProductContract;
import dev.gigafactory.contracts.spec.Slo;
import dev.gigafactory.monitor.domain.LiveDeployment;
import dev.gigafactory.monitor.domain.MetricsSnapshot;
import dev.gigafactory.monitor.domain.ProbeResult;
import dev.gigafactory.monitor.domain.SloVerdict;
import dev.gigafactory.monitor.domain.Trouble;
import dev.gigafactory.monitor.domain.WatchedDeployment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The deployments being watched, one per spec, and what their probes say: consecutive failures (an outage once they
 * reach the threshold, or at once when the deployer reported the process's exit), healthy probes in a row (how often
 * it needs probing), the SLO window, and the newest older version that was seen healthy (where a rollback goes).
 */
public final class Fleet {

    /** What one probe amounts to. A stale probe (the spec was redeployed meanwhile) amounts to nothing. */
    public sealed interface Verdict {
    }

    public record Healthy(LiveDeployment deployment) implements Verdict {
    }

    public record Failing(LiveDeployment deployment) implements Verdict {
    }

    public record Troubled(Trouble trouble) implements Verdict {
    }

    public record Stale() implements Verdict {
    }

    private final int failureThreshold;
    private final Duration window;
    private final long minRequests;
    private final Map<String, Watch> watches = new TreeMap<>();

    public Fleet(int failureThreshold, Duration window, long minRequests) {
        this.failureThreshold = Math.max(1, failureThreshold);
        this.window = window;
        this.minRequests = minRequests;
    }

    /**
     * Applied whatever its CloudEvent id: a restart re-announces the same spec, version and attempt at a new URL.
     * Returns what is now watched for the spec, if this deployment changed it.
     */
    public synchronized Optional<WatchedDeployment> track(DeploymentCompleted deployment, Instant at) {
        if (!deployment.succeeded() || deployment.url() == null) {
            return Optional.empty(); // nothing serves; the version before it (if any) still does and stays watched
        }
        Watch watched = watches.get(deployment.spec());
        if (watched != null && watched.deployment.version() > deployment.version() && !deployment.isRemediation()) {
            return Optional.empty(); // newest version wins, unless a rollback deliberately brought an older one back
        }
        Slo slo = deployment.slo() == null ? Slo.DEFAULT : deployment.slo();
        Watch watch = new Watch(new LiveDeployment(deployment.spec(), deployment.version(), deployment.attempt(),
                deployment.url()), slo, previousGood(watched, deployment.version()),
                new SloWindow(window,
                        minRequests),
                at);
        watch.good = watched != null && watched.good && watched.deployment.version() == deployment.version();
        // a process we saw start counted from zero: requests it served before the first scrape are in the window
        watch.window.scraped(at, MetricsSnapshot.EMPTY);
        watches.put(deployment.spec(), watch);
        return Optional.of(watch.saved());
    }

    /** Stops watching the spec (it was retired); true when it was watched. */
    public synchronized boolean forget(String spec) {
        return watches.remove(spec) != null;
    }

    /** The newest version below {@code version} that was seen healthy, as far as the previous watch knew. */
    private static Integer previousGood(Watch previous, int version) {
        if (previous == null) {
            return null;
        }
        Integer best = previous.previousGood != null && previous.previousGood < version ? previous.previousGood : null;
        if (previous.good && previous.deployment.version() < version
                && (best == null || best < previous.deployment.version())) {
            best = previous.deployment.version();
        }
        return best;
    }

    /** What the store remembered; a deployment already seen since the start wins over it. */
    public synchronized void restore(WatchedDeployment saved, Instant at) {
        watches.putIfAbsent(saved.deployment().spec(), new Watch(saved.deployment(), saved.slo(),
                saved.lastGoodVersion(), new SloWindow(window, minRequests), at));
    }

    public synchronized List<LiveDeployment> live() {
        return watches.values().stream().map(watch -> watch.deployment).toList();
    }

    public synchronized Verdict record(LiveDeployment probed, ProbeResult result, Optional<MetricsSnapshot> metrics,
            Instant at) {
        Watch watch = watches.get(probed.spec());
        if (watch == null || !watch.deployment.equals(probed)) {
            return new Stale();
        }
        return result.healthy() ? healthy(watch, metrics, at) : failed(watch, result, at);
    }

    /**
     * The deployer saw the process of the watched deployment end on its own: a probe that then finds nothing behind
     * the stable URL is a crash at once, not after the failure threshold, and the deployment is probed every round
     * until it is replaced. Returns the deployment to probe now; empty when the exit is of one no longer watched (an
     * older version, a retired spec, the process a restart replaced).
     */
    public synchronized Optional<LiveDeployment> exited(ProductExited exit) {
        Watch watch = watches.get(exit.spec());
        // A restart runs the same version and attempt again: an exit from before this deployment was watched is the
        // process it replaced (a redelivered report), not this one.
        if (watch == null || watch.deployment.version() != exit.version()
                || watch.deployment.attempt() != exit.attempt() || exit.exitedAt().isBefore(watch.since)) {
            return Optional.empty();
        }
        watch.exit = exit;
        watch.healthyStreak = 0;
        return Optional.of(watch.deployment);
    }

    /** Healthy probes in a row of the spec's watched deployment since it was watched or last failed or exited. */
    public synchronized int healthyStreak(String spec) {
        Watch watch = watches.get(spec);
        return watch == null ? 0 : watch.healthyStreak;
    }

    private Verdict healthy(Watch watch, Optional<MetricsSnapshot> metrics, Instant at) {
        if (watch.exit == null) {
            watch.healthyStreak++;
        }
        watch.failures = 0;
        watch.firstFailureAt = null;
        watch.good = true;
        metrics.ifPresent(snapshot -> watch.window.scraped(at, snapshot));
        SloVerdict slo = watch.window.evaluate(at, watch.slo);
        if (slo.breached()) {
            return new Troubled(trouble(watch, Kind.SLO_BREACH,
                    "GET " + watch.deployment.url() + ProductContract.METRICS_PATH + " " + slo.evidence(), at));
        }
        return new Healthy(watch.deployment);
    }

    private Verdict failed(Watch watch, ProbeResult result, Instant at) {
        watch.window.probeFailed(at);
        watch.healthyStreak = 0;
        watch.failures++;
        if (watch.firstFailureAt == null) {
            watch.firstFailureAt = at;
        }
        String evidence = "GET " + watch.deployment.url() + ProductContract.HEALTH_PATH + ": "
                + result.observation() + " x " + watch.failures;
        if (result.refused() && watch.exit != null) {
            return new Troubled(trouble(watch, Kind.CRASH, evidence + "; the deployer reported: "
                    + watch.exit.evidence(), watch.exit.exitedAt()));
        }
        if (watch.failures < failureThreshold) {
            return new Failing(watch.deployment);
        }
        return new Troubled(trouble(watch, result.refused() ? Kind.CRASH : Kind.UNHEALTHY, evidence,
                watch.firstFailureAt));
    }

    private static Trouble trouble(Watch watch, Kind kind, String evidence, Instant since) {
        LiveDeployment d = watch.deployment;
        return new Trouble(d.spec(), d.version(), d.attempt(), kind, evidence, since);
    }

    /** A rollback needs an older version that was seen healthy. */
    public synchronized boolean rollbackPossible(String spec, int version) {
        Watch watch = watches.get(spec);
        return watch != null && (watch.previousGood != null && watch.previousGood < version
                || watch.good && watch.deployment.version() < version);
    }

    public synchronized Optional<WatchedDeployment> saved(String spec) {
        return Optional.ofNullable(watches.get(spec)).map(Watch::saved);
    }

    public synchronized int consecutiveFailures(String spec) {
        Watch watch = watches.get(spec);
        return watch == null ? 0 : watch.failures;
    }

    public synchronized Optional<LiveDeployment> watched(String spec) {
        return Optional.ofNullable(watches.get(spec)).map(watch -> watch.deployment);
    }
}
