package dev.gigafactory.contracts.events;

import dev.gigafactory.contracts.spec.ServiceSpec;
import java.util.List;

/** The planner decided what to build for a spec version: an ordered task graph. */
public record PlanCreated(String spec, int version, int attempt, PlanKind kind, ServiceSpec document,
        List<PlanTask> tasks, List<SpecChange> changes, String reason) implements FactoryEvent {

    public enum PlanKind {
        INITIAL, INCREMENTAL, REPAIR, REMEDIATION
    }
}
