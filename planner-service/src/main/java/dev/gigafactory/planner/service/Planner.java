package dev.gigafactory.planner.service;

import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.PlanAbandoned;
import dev.gigafactory.contracts.events.PlanCreated.PlanKind;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.SpecChange;
import dev.gigafactory.contracts.events.SpecRetried;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.planner.domain.PassedTree;
import dev.gigafactory.planner.domain.VersionState;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides what to build: a task graph for a new spec version, the affected tasks for a changed one, another attempt
 * after failed tests, a fresh plan after an incident or a retry — and when a version's budget is spent, or a repair
 * cannot change anything, that it ends. Plain Java and deterministic, so a replayed input gives the same decision
 * (and the same event id).
 *
 * <p>Every plan of a version after the first names a base, whatever its kind: see {@link #baseOf}.
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
                : new Decision.Plan(plan(accepted, state.base()).withAllowance(budgets.left(state)));
    }

    /**
     * An incremental plan when the version has changes and the previous version's tested tree is known to keep the
     * untouched files from; otherwise every task. Either names {@code base}.
     *
     * @param base the tree the newest earlier version passed with, or null when none did
     */
    public PlanCreated plan(SpecAccepted accepted, PassedTree base) {
        int version = accepted.version();
        List<SpecChange> changes = accepted.changes();
        String baseDigest = baseOf(version, base);
        if (version == 1 || changes.isEmpty()) {
            return new PlanCreated(accepted.spec(), version, 1, PlanKind.INITIAL, accepted.document(),
                    TaskGraph.allTasks(accepted.document()), changes, "version " + version, null, baseDigest);
        }
        String since = changes.size() + " change(s) since version " + (version - 1);
        // The change list is against the previous version: only its tree holds every file the list leaves alone.
        boolean previousPassed = base != null && base.version() == version - 1;
        if (!previousPassed || !TaskGraph.keepsAnything(changes)) {
            String why = previousPassed
                    ? "the stack changed"
                    : "no attempt of version " + (version - 1) + " has passed its tests yet";
            String on = base == null ? "" : " (on the tree version " + base.version() + " passed with)";
            return new PlanCreated(accepted.spec(), version, 1, PlanKind.INITIAL, accepted.document(),
                    TaskGraph.allTasks(accepted.document()), changes, since + "; every task, as " + why + on, null,
                    baseDigest);
        }
        List<PlanTask> tasks = TaskGraph.affectedTasks(accepted.document(), changes);
        return new PlanCreated(accepted.spec(), version, 1, PlanKind.INCREMENTAL, accepted.document(), tasks,
                changes, since + "; the other files are kept from its tested tree", null, baseDigest);
    }

    /**
     * The base every plan of a version after the first names, whatever its kind, even one that plans every task: a
     * stack may keep more than the files of tasks left out. The quarkus stack keeps the Flyway migrations of the
     * versions before this one byte for byte from the base (deployed databases went through them, and Flyway checks
     * their checksums) and writes only this version's, from the base's spec; without a base it fails the version
     * rather than rewrite that history. jdk-http ignores a base when every task is planned. It is the tree of the
     * newest earlier version that passed the gate, not necessarily the previous one: a version that never passed was
     * never deployed, so no database went through its migration, and the newest passed tree holds the history they
     * did go through. Version 1 has no history: none.
     */
    static String baseOf(int version, PassedTree base) {
        return version > 1 && base != null ? base.sourceDigest() : null;
    }

    /**
     * Another attempt after failed tests, carrying their evidence, while the round's budgets last and a repair can
     * change something (see {@link RepairRules}).
     */
    public Decision repair(TestsCompleted tests, VersionState state) {
        if (tests.passed()) {
            return new Decision.Nothing("tests passed");
        }
        ServiceSpec document = state.document() != null ? state.document() : tests.document();
        String evidence = Evidence.of(tests);
        return decide(tests.spec(), tests.version(), tests.attempt(), document, state, evidence,
                () -> RepairRules.deadEnd(tests, state, evidence),
                () -> new PlanCreated(tests.spec(), tests.version(), tests.attempt() + 1, PlanKind.REPAIR, document,
                        TaskGraph.allTasks(document), List.of(), "repair of attempt " + tests.attempt() + ": "
                                + evidence,
                        Evidence.structured(tests, state.failedDigests()), baseOf(tests.version(), state.base())));
    }

    /**
     * A new round for a version someone asked to build again: a full plan, numbered after every attempt so far (no
     * event of the failed round is repeated), with fresh budgets. A version superseded meanwhile is not rebuilt.
     */
    public Decision retry(SpecRetried retried, VersionState state) {
        if (state.newestVersion() > retried.version()) {
            return new Decision.Nothing("version " + retried.version() + " is superseded by "
                    + state.newestVersion());
        }
        if (retried.retry() <= state.retries()) {
            return new Decision.Nothing("retry " + retried.retry() + " is already planned");
        }
        ServiceSpec document = state.document() != null ? state.document() : retried.document();
        if (document == null) {
            return new Decision.Nothing("no document is known for version " + retried.version());
        }
        String failure = retried.previousFailure() == null || retried.previousFailure().isBlank()
                ? "no failure was given"
                : retried.previousFailure();
        String reason = Evidence.bounded("retry " + retried.retry() + " of version " + retried.version()
                + " (fresh budget of " + budgets.maxAttempts() + " attempts); it failed: " + failure);
        // A new round: nothing spent so far counts against it.
        PlanCreated plan = new PlanCreated(retried.spec(), retried.version(), state.lastAttempt() + 1,
                PlanKind.RETRY, document, TaskGraph.allTasks(document), List.of(), reason, null,
                baseOf(retried.version(), state.base())).withAllowance(budgets.whole());
        return new Decision.Plan(plan, new Decision.Round(retried.retry(), state.lastAttempt()));
    }

    /** A fresh full plan of the stored document after an incident the monitor could not fix by restarting. */
    public Decision remediate(IncidentDetected incident, VersionState state) {
        if (incident.action() != IncidentDetected.Remediation.REPLAN) {
            return new Decision.Nothing("incident action is " + incident.action());
        }
        String evidence = Evidence.bounded("incident " + incident.incidentId() + " (" + incident.kind() + "): "
                + incident.evidence());
        return decide(incident.spec(), incident.version(), incident.attempt(), state.document(), state, evidence,
                Optional::empty, () -> new PlanCreated(incident.spec(), incident.version(), incident.attempt() + 1,
                        PlanKind.REMEDIATION, state.document(), TaskGraph.allTasks(state.document()), List.of(),
                        "remediation of " + evidence, null, baseOf(incident.version(), state.base())));
    }

    private Decision decide(String spec, int version, int attempt, ServiceSpec document, VersionState state,
            String lastFailure, Supplier<Optional<Decision.Abandon>> deadEnd, Supplier<PlanCreated> plan) {
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
        Optional<Decision.Abandon> hopeless = deadEnd.get();
        if (hopeless.isPresent()) {
            return hopeless.get();
        }
        // Budgets count within the round: a retry starts a new one after the attempts and tokens spent so far.
        String round = state.retries() > 0 ? " in retry " + state.retries() : "";
        if (attempt - state.roundStartAttempt() >= budgets.maxAttempts()) {
            return abandon(spec, version, attempt, Budgets.ATTEMPTS, "attempt budget of " + budgets.maxAttempts()
                    + " spent" + round, lastFailure);
        }
        long tokens = state.tokensInRound();
        if (tokens >= budgets.maxTokens()) {
            return abandon(spec, version, attempt, Budgets.TOKENS, "token budget of " + budgets.maxTokens()
                    + " spent" + round + " (" + tokens + " used)", lastFailure);
        }
        BigDecimal cost = state.costInRound();
        if (cost.compareTo(budgets.maxCostUsd()) >= 0) {
            return abandon(spec, version, attempt, Budgets.COST, "cost budget of " + usd(budgets.maxCostUsd())
                    + " USD spent" + round + " (" + usd(cost) + " USD)", lastFailure);
        }
        return new Decision.Plan(plan.get().withAllowance(budgets.left(state)));
    }

    private static String usd(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private static Decision abandon(String spec, int version, int attempt, String budget, String which,
            String lastFailure) {
        return new Decision.Abandon(new PlanAbandoned(spec, version, attempt, which + "; last failure: "
                + lastFailure), budget);
    }
}
