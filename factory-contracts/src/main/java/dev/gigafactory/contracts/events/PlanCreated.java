package dev.gigafactory.contracts.events;

import dev.gigafactory.contracts.spec.ServiceSpec;
import java.util.List;

/**
 * The planner decided what to build for a spec version: the tasks the coder runs, in order. An
 * {@link PlanKind#INCREMENTAL} plan names in {@code baseDigest} the tested source tree of the previous version and
 * lists only the tasks its {@code changes} touch; the coder keeps every other file from that tree. Every other plan
 * lists every task, and of a version after the first names as its base the tree the newest earlier version passed
 * with, if one did (a stack may keep history from it, as the quarkus stack keeps its migrations); version 1 has no
 * base (null). A {@link PlanKind#REPAIR} plan carries the failed attempt's
 * {@code evidence}; other plans carry none (null). {@code allowance} is what the version may still spend on model
 * calls (null in plans from before budgets were shared: then the coder spends without a check).
 */
public record PlanCreated(String spec, int version, int attempt, PlanKind kind, ServiceSpec document,
        List<PlanTask> tasks, List<SpecChange> changes, String reason, RepairEvidence evidence, String baseDigest,
        Allowance allowance)
        implements
            FactoryEvent {

    /** A plan without an allowance. */
    public PlanCreated(String spec, int version, int attempt, PlanKind kind, ServiceSpec document,
            List<PlanTask> tasks, List<SpecChange> changes, String reason, RepairEvidence evidence,
            String baseDigest) {
        this(spec, version, attempt, kind, document, tasks, changes, reason, evidence, baseDigest, null);
    }

    /** A plan without a base tree. */
    public PlanCreated(String spec, int version, int attempt, PlanKind kind, ServiceSpec document,
            List<PlanTask> tasks, List<SpecChange> changes, String reason, RepairEvidence evidence) {
        this(spec, version, attempt, kind, document, tasks, changes, reason, evidence, null, null);
    }

    /** A plan without repair evidence or a base tree. */
    public PlanCreated(String spec, int version, int attempt, PlanKind kind, ServiceSpec document,
            List<PlanTask> tasks, List<SpecChange> changes, String reason) {
        this(spec, version, attempt, kind, document, tasks, changes, reason, null, null, null);
    }

    public PlanCreated withAllowance(Allowance left) {
        return new PlanCreated(spec, version, attempt, kind, document, tasks, changes, reason, evidence, baseDigest,
                left);
    }

    /** The same plan with other tasks. */
    public PlanCreated withTasks(List<PlanTask> other) {
        return new PlanCreated(spec, version, attempt, kind, document, other, changes, reason, evidence, baseDigest,
                allowance);
    }

    public enum PlanKind {
        INITIAL, INCREMENTAL, REPAIR, REMEDIATION, RETRY
    }
}
