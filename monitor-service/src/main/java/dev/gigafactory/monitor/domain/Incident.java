package dev.gigafactory.monitor.domain;

import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.IncidentDetected.Kind;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import java.time.Instant;

/**
 * One incident and where it stands: announced (OPEN), remediation deployed (REMEDIATING), HEALED, FAILED (the
 * remediation did not hold or never came; the next rung took over), ESCALATED (a human owns it) or UNDELIVERED (it
 * never reached the broker). {@code firstFailureAt} is when the trouble was first seen, for the time to detect.
 */
public record Incident(String id, String spec, int version, int attempt, Kind kind, Remediation action,
        String evidence, int step, Status status, Instant firstFailureAt, Instant detectedAt, Instant remediatedAt,
        Instant healedAt) {

    public enum Status {
        OPEN, REMEDIATING, HEALED, FAILED, ESCALATED, UNDELIVERED;

        public boolean unresolved() {
            return this == OPEN || this == REMEDIATING;
        }
    }

    public IncidentDetected event() {
        return new IncidentDetected(spec, version, attempt, id, kind, action, evidence, detectedAt);
    }

    public Incident remediated(Instant at) {
        return new Incident(id, spec, version, attempt, kind, action, evidence, step, Status.REMEDIATING,
                firstFailureAt, detectedAt, at, healedAt);
    }

    public Incident healed(Instant at) {
        return new Incident(id, spec, version, attempt, kind, action, evidence, step, Status.HEALED, firstFailureAt,
                detectedAt, remediatedAt, at);
    }

    public Incident closed(Status status) {
        return new Incident(id, spec, version, attempt, kind, action, evidence, step, status, firstFailureAt,
                detectedAt, remediatedAt, healedAt);
    }
}
