package dev.gigafactory.monitor.service;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.IncidentDetected.Kind;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.monitor.domain.Incident;
import dev.gigafactory.monitor.domain.Incident.Status;
import dev.gigafactory.monitor.domain.LadderPolicy;
import dev.gigafactory.monitor.domain.Trouble;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns trouble into incidents: at most one unresolved incident per spec and slot (the running deployment, or the
 * pipeline for STUCK), each with the next action of its version's ladder. An incident stays open while its
 * remediation is under way; when the trouble outlasts the remediation timeout, or comes back after the remediation,
 * the incident failed and the ladder climbs. Every change is written through to the store.
 */
public final class IncidentDesk {

    private final LadderPolicy policy;
    private final Duration remediationTimeout;
    private final MonitorStore store;
    private final IncidentMeters meters;
    private final Map<String, RemediationLadder> ladders = new HashMap<>();
    private final Map<String, Incident> unresolved = new HashMap<>();

    public IncidentDesk(LadderPolicy policy, Duration remediationTimeout, MonitorStore store, IncidentMeters meters) {
        this.policy = policy;
        this.remediationTimeout = remediationTimeout;
        this.store = store;
        this.meters = meters;
    }

    /** Rebuilds the ladders and the unresolved incidents from history after a restart of the monitor. */
    public synchronized void resume(List<Incident> history) {
        for (Incident incident : history) {
            if (incident.status() != Status.UNDELIVERED) {
                ladder(incident.spec(), incident.version()).taken(incident.action(), incident.detectedAt());
            }
            String slot = slot(incident.spec(), incident.kind());
            if (incident.status().unresolved()) {
                unresolved.put(slot, incident);
            } else if (unresolved.containsKey(slot) && unresolved.get(slot).id().equals(incident.id())) {
                unresolved.remove(slot);
            }
        }
    }

    /** Returns the incident to announce, if this trouble calls for a new one now. */
    public synchronized Optional<IncidentDetected> trouble(Trouble trouble, boolean rollbackPossible, Instant now) {
        String slot = slot(trouble.spec(), trouble.kind());
        Incident open = unresolved.get(slot);
        if (open != null && open.status() == Status.OPEN
                && now.isBefore(open.detectedAt().plus(remediationTimeout))) {
            return Optional.empty(); // its remediation is still under way
        }
        RemediationLadder ladder = ladder(trouble.spec(), trouble.version());
        Optional<Remediation> action = ladder.next(trouble.kind(), rollbackPossible, now);
        if (action.isEmpty()) {
            return Optional.empty();
        }
        if (open != null) {
            close(slot, open.closed(Status.FAILED));
        }
        int step = ladder.taken(action.get(), now);
        Incident incident = new Incident(UUID.randomUUID().toString(), trouble.spec(), trouble.version(),
                trouble.attempt(), trouble.kind(), action.get(), trouble.evidence(), step,
                action.get() == Remediation.ESCALATE ? Status.ESCALATED : Status.OPEN, trouble.since(), now, null,
                null);
        store.save(incident);
        if (incident.status() == Status.OPEN) {
            unresolved.put(slot, incident);
        }
        meters.detected(incident.kind(), Duration.between(trouble.since(), now));
        return Optional.of(incident.event());
    }

    /** The announcement never reached the broker: forget it, so the same trouble is decided again. */
    public synchronized void undeliverable(IncidentDetected event) {
        String slot = slot(event.spec(), event.kind());
        Incident open = unresolved.get(slot);
        if (open != null && open.id().equals(event.incidentId())) {
            close(slot, open.closed(Status.UNDELIVERED));
            ladder(event.spec(), event.version()).forget(event.action());
        }
    }

    /**
     * A deployment arrived: a remediation of ours (its cause names the incident) or a new release, which is the
     * remediation a replan leads to. Either way the incident now waits for a healthy probe.
     */
    public synchronized void deployed(DeploymentCompleted deployment, Instant now) {
        String slot = slot(deployment.spec(), Kind.CRASH);
        Incident open = unresolved.get(slot);
        if (open == null) {
            return;
        }
        boolean ours = deployment.cause() != null && deployment.cause().endsWith("/" + open.id());
        boolean release = !deployment.isRemediation() && deployment.version() > open.version();
        if (!ours && !release) {
            return;
        }
        if (deployment.succeeded()) {
            unresolved.put(slot, open.remediated(now));
            store.save(unresolved.get(slot));
        } else if (ours) {
            close(slot, open.closed(Status.FAILED)); // the trouble persists; the next probe climbs the ladder
        }
    }

    /** A healthy probe within the SLO: the spec's running-deployment incident, if any, is healed. */
    public synchronized void healthy(String spec, Instant now) {
        heal(slot(spec, Kind.CRASH), now);
    }

    /** The spec's pipeline moved on: a STUCK incident, if any, is healed. */
    public synchronized void progressed(String spec, Instant now) {
        heal(slot(spec, Kind.STUCK), now);
    }

    public synchronized Optional<Incident> unresolved(String spec, Kind kind) {
        return Optional.ofNullable(unresolved.get(slot(spec, kind)));
    }

    private void heal(String slot, Instant now) {
        Incident open = unresolved.get(slot);
        if (open != null) {
            close(slot, open.healed(now));
            meters.healed(open.kind(), Duration.between(open.detectedAt(), now));
        }
    }

    private void close(String slot, Incident closed) {
        unresolved.remove(slot);
        store.save(closed);
    }

    private RemediationLadder ladder(String spec, int version) {
        return ladders.computeIfAbsent(spec + "@" + version, key -> new RemediationLadder(policy));
    }

    private static String slot(String spec, Kind kind) {
        return kind == Kind.STUCK ? spec + "#pipeline" : spec + "#running";
    }
}
