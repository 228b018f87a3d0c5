package dev.gigafactory.planner.service;

import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.PlanAbandoned;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanCreated.PlanKind;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.planner.domain.VersionState;
import java.util.List;
import java.util.function.Supplier;

/**
 * Decides what to build: a task graph for a new spec version, the affected tasks for a changed one, another attempt
 * after failed tests, or a fresh plan after an incident — and when a version's budget is spent, that it ends. Plain
 * Java and deterministic, so a replayed input gives the same decision (and the same event id).
 */
public final class Planner {

    private final Budgets budgets;

    public Planner(Budgets budgets) {
        this.budgets = budgets;
    }

    public Budgets budgets() {
        return budgets;
    }

    /** The first plan of a version, unless a redelivered or republished acceptance finds it already planned. */
    public Decision accept(SpecAccepted accepted, VersionState state) {
        if (state.abandoned()) {
            return new Decision.Nothing("version " + accepted.version() + " already ended as failed");
        }
        return state.lastAttempt() >= 1
                ? new Decision.Nothing("version " + accepted.version() + " is already planned")
                : new Decision.Plan(plan(accepted));
    }

    public PlanCreated plan(SpecAccepted accepted) {
        boolean incremental = accepted.version() > 1 && !accepted.changes().isEmpty();
        return new PlanCreated(accepted.spec(), accepted.version(), 1,
                incremental ? PlanKind.INCREMENTAL : PlanKind.INITIAL, accepted.document(),
                incremental
                        ? TaskGraph.affectedTasks(accepted.document(), accepted.changes())
                        : TaskGraph.allTasks(accepted.document()),
                accepted.changes(), incremental
                        ? accepted.changes().size() + " change(s) since the previous version"
                        : "version " + accepted.version());
    }

    /** Another attempt after failed tests, carrying their evidence, while the version's budgets last. */
    public Decision repair(TestsCompleted tests, VersionState state) {
        if (tests.passed()) {
            return new Decision.Nothing("tests passed");
        }
        ServiceSpec document = state.document() != null ? state.document() : tests.document();
        String evidence = Evidence.of(tests);
        return decide(tests.spec(), tests.version(), tests.attempt(), document, state, evidence,
                () -> new PlanCreated(tests.spec(), tests.version(), tests.attempt() + 1, PlanKind.REPAIR, document,
                        TaskGraph.allTasks(document), List.of(),
                        "repair of attempt " + tests.attempt() + ": " + evidence));
    }

    /** A fresh full plan of the stored document after an incident the monitor could not fix by restarting. */
    public Decision remediate(IncidentDetected incident, VersionState state) {
        if (incident.action() != IncidentDetected.Remediation.REPLAN) {
            return new Decision.Nothing("incident action is " + incident.action());
        }
        String evidence = Evidence.bounded("incident " + incident.incidentId() + " (" + incident.kind() + "): "
                + incident.evidence());
        return decide(incident.spec(), incident.version(), incident.attempt(), state.document(), state, evidence,
                () -> new PlanCreated(incident.spec(), incident.version(), incident.attempt() + 1,
                        PlanKind.REMEDIATION, state.document(), TaskGraph.allTasks(state.document()), List.of(),
                        "remediation of " + evidence));
    }

    private Decision decide(String spec, int version, int attempt, ServiceSpec document, VersionState state,
            String lastFailure, Supplier<PlanCreated> plan) {
        if (state.abandoned()) {
            return new Decision.Nothing("version " + version + " already ended as failed");
        }
        if (state.newestVersion() > version) {
            return new Decision.Nothing("version " + version + " is superseded by " + state.newestVersion());
        }
        if (document == null) {
            return new Decision.Nothing("no document is known for version " + version);
        }
        if (attempt + 1 <= state.lastAttempt()) {
            return new Decision.Nothing("attempt " + (attempt + 1) + " is already planned");
        }
        if (attempt >= budgets.maxAttempts()) {
            return abandon(spec, version, attempt, Budgets.ATTEMPTS, "attempt budget of " + budgets.maxAttempts()
                    + " spent", lastFailure);
        }
        if (state.tokensUsed() >= budgets.maxTokens()) {
            return abandon(spec, version, attempt, Budgets.TOKENS, "token budget of " + budgets.maxTokens()
                    + " spent (" + state.tokensUsed() + " used)", lastFailure);
        }
        return new Decision.Plan(plan.get());
    }

    private static Decision abandon(String spec, int version, int attempt, String budget, String which,
            String lastFailure) {
        return new Decision.Abandon(new PlanAbandoned(spec, version, attempt, which + "; last failure: "
                + lastFailure), budget);
    }
}
