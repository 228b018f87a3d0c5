package dev.gigafactory.monitor.service;

import dev.gigafactory.contracts.events.IncidentDetected.Kind;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.monitor.domain.LadderPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The remediation ladder of one spec version: restart → roll back to the last good version → replan → escalate.
 * Each rung is tried only when the cheaper ones are spent (restarts within the window), impossible (no good version
 * to roll back to) or failed; the budget caps the automated actions, after which the version needs a human.
 */
public final class RemediationLadder {

    private final LadderPolicy policy;
    private final List<Instant> restarts = new ArrayList<>();
    private int actions;
    private Instant lastActionAt;
    private boolean rolledBack;
    private boolean replanned;
    private boolean escalated;

    public RemediationLadder(LadderPolicy policy) {
        this.policy = policy;
    }

    /** The next action for this kind of trouble, or empty while backing off or once a human owns the version. */
    public Optional<Remediation> next(Kind kind, boolean rollbackPossible, Instant now) {
        if (escalated || now.isBefore(notBefore())) {
            return Optional.empty();
        }
        return Optional.of(choose(kind, rollbackPossible, now));
    }

    private Remediation choose(Kind kind, boolean rollbackPossible, Instant now) {
        if (actions >= policy.budget()) {
            return Remediation.ESCALATE;
        }
        // a stage that makes no progress is not helped by restarting or rolling back the running version
        if (kind == Kind.STUCK) {
            return replanned ? Remediation.ESCALATE : Remediation.REPLAN;
        }
        if (restartsSince(now.minus(policy.restartWindow())) < policy.maxRestarts()) {
            return Remediation.RESTART;
        }
        if (!rolledBack && rollbackPossible) {
            return Remediation.ROLLBACK;
        }
        return replanned ? Remediation.ESCALATE : Remediation.REPLAN;
    }

    /** Records an action that was decided and announced; the step number is its place on the ladder (1-based). */
    public int taken(Remediation action, Instant at) {
        switch (action) {
            case RESTART -> restarts.add(at);
            case ROLLBACK -> rolledBack = true;
            case REPLAN -> replanned = true;
            case ESCALATE -> escalated = true;
        }
        lastActionAt = at;
        return ++actions;
    }

    /** Undoes the last {@code taken(action)} whose announcement was lost, so the same rung is tried again. */
    public void forget(Remediation action) {
        switch (action) {
            case RESTART -> restarts.removeIf(at -> restarts.indexOf(at) == restarts.size() - 1);
            case ROLLBACK -> rolledBack = false;
            case REPLAN -> replanned = false;
            case ESCALATE -> escalated = false;
        }
        actions = Math.max(0, actions - 1);
    }

    public Instant notBefore() {
        return lastActionAt == null ? Instant.MIN : lastActionAt.plus(policy.backoffAfter(actions));
    }

    public boolean escalated() {
        return escalated;
    }

    public int actions() {
        return actions;
    }

    private long restartsSince(Instant start) {
        return restarts.stream().filter(at -> !at.isBefore(start)).count();
    }
}
