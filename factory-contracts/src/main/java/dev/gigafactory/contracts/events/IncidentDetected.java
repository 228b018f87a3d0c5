package dev.gigafactory.contracts.events;

import java.time.Instant;

/** The monitor saw something wrong with a spec version and decided what to do about it. */
public record IncidentDetected(String spec, int version, int attempt, String incidentId, Kind kind,
        Remediation action, String evidence, Instant detectedAt) implements FactoryEvent {

    public enum Kind {
        CRASH, UNHEALTHY, SLO_BREACH, STUCK
    }

    public enum Remediation {
        RESTART, ROLLBACK, REPLAN, ESCALATE
    }

    @Override
    public String discriminator() {
        return incidentId;
    }
}
