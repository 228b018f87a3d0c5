package dev.gigafactory.contracts.events;

import dev.gigafactory.contracts.spec.ServiceSpec;
import java.util.List;

/**
 * The planner decided what to build for a spec version: an ordered task graph. A {@link PlanKind#REPAIR} plan
 * carries the failed attempt's {@code evidence}; other plans carry none (null).
 */
public record PlanCreated(String spec, int version, int attempt, PlanKind kind, ServiceSpec document,
        List<PlanTask> tasks, List<SpecChange> changes, String reason, RepairEvidence evidence)
        implements
            FactoryEvent {

    /** A plan without repair evidence. */
    public PlanCreated(String spec, int version, int attempt, PlanKind kind, ServiceSpec document,
            List<PlanTask> tasks, List<SpecChange> changes, String reason) {
        this(spec, version, attempt, kind, document, tasks, changes, reason, null);
    }

    public enum PlanKind {
        INITIAL, INCREMENTAL, REPAIR, REMEDIATION, RETRY
    }
}
