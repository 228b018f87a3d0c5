package dev.gigafactory.monitor.service;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.IncidentDetected.Kind;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.contracts.product.ProductContract;
import dev.gigafactory.monitor.domain.LiveDeployment;
import dev.gigafactory.monitor.domain.ProbeResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The deployments being watched and, per spec, the state of its current outage: consecutive failures and whether
 * an incident has been raised. One incident per outage; the outage ends when the spec answers again or is
 * deployed anew.
 */
public final class Fleet {

    private final int failureThreshold;
    private final Map<String, Watch> watches = new TreeMap<>();

    public Fleet(int failureThreshold) {
        this.failureThreshold = Math.max(1, failureThreshold);
    }

    /**
     * Applied whatever its CloudEvent id: a restart re-announces the same spec, version and attempt at a new URL.
     * Returns whether the deployment is now watched.
     */
    public synchronized boolean track(DeploymentCompleted deployment) {
        if (!deployment.succeeded() || deployment.url() == null) {
            return false; // nothing serves; the version before it (if any) still does and stays watched
        }
        Watch watched = watches.get(deployment.spec());
        if (watched != null && watched.deployment.version() > deployment.version() && !deployment
                .isRemediation()) {
            return false; // newest version wins, unless a rollback deliberately brought an older one back
        }
        watches.put(deployment.spec(), new Watch(new LiveDeployment(deployment.spec(), deployment.version(),
                deployment.attempt(), deployment.url())));
        return true;
    }

    public synchronized List<LiveDeployment> live() {
        return watches.values().stream().map(watch -> watch.deployment).toList();
    }

    /** Records a probe; returns the incident to raise when this probe starts an outage. */
    public synchronized Optional<IncidentDetected> record(LiveDeployment probed, ProbeResult result, Instant at) {
        Watch watch = watches.get(probed.spec());
        if (watch == null || !watch.deployment.equals(probed)) {
            return Optional.empty(); // redeployed while the probe was in flight
        }
        if (result.healthy()) {
            watch.failures = 0;
            watch.openIncident = null;
            return Optional.empty();
        }
        watch.failures++;
        if (watch.failures < failureThreshold || watch.openIncident != null) {
            return Optional.empty();
        }
        IncidentDetected incident = new IncidentDetected(probed.spec(), probed.version(), probed.attempt(),
                UUID.randomUUID().toString(), result.refused() ? Kind.CRASH : Kind.UNHEALTHY, Remediation.RESTART,
                "GET " + probed.url() + ProductContract.HEALTH_PATH + ": " + result.observation() + " x "
                        + watch.failures,
                at);
        watch.openIncident = incident.incidentId();
        return Optional.of(incident);
    }

    /** The incident could not be published: the outage counts as unreported, so the next failure raises again. */
    public synchronized void undeliverable(IncidentDetected incident) {
        Watch watch = watches.get(incident.spec());
        if (watch != null && incident.incidentId().equals(watch.openIncident)) {
            watch.openIncident = null;
        }
    }

    public synchronized int consecutiveFailures(String spec) {
        Watch watch = watches.get(spec);
        return watch == null ? 0 : watch.failures;
    }

    public synchronized Optional<String> openIncident(String spec) {
        return Optional.ofNullable(watches.get(spec)).map(watch -> watch.openIncident);
    }

    public synchronized Optional<LiveDeployment> watched(String spec) {
        return Optional.ofNullable(watches.get(spec)).map(watch -> watch.deployment);
    }

    private static final class Watch {
        final LiveDeployment deployment;
        int failures;
        String openIncident;

        Watch(LiveDeployment deployment) {
            this.deployment = deployment;
        }
    }
}
