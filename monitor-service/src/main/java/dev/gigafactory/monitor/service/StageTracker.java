package dev.gigafactory.monitor.service;

import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.IncidentDetected.Kind;
import dev.gigafactory.contracts.events.PlanAbandoned;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.SpecRejected;
import dev.gigafactory.contracts.events.SpecRetried;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.events.TestsWaiting;
import dev.gigafactory.monitor.domain.StageProgress;
import dev.gigafactory.monitor.domain.Trouble;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline stage each spec's newest version is in, from every pipeline topic. A version that stays in a
 * non-terminal stage longer than {@code stuckAfter} is stuck; running, failed, rolled back and rejected versions
 * are done and never stuck. An event for an older version than the one tracked changes nothing.
 */
public final class StageTracker {

    private record Stage(String name, boolean terminal) {
    }

    private final Duration stuckAfter;
    private final Map<String, StageProgress> specs = new HashMap<>();

    public StageTracker(Duration stuckAfter) {
        this.stuckAfter = stuckAfter;
    }

    /** Returns the new progress when this event moved the spec; a replayed event moves nothing. */
    public synchronized Optional<StageProgress> advance(FactoryEvent event, Instant at) {
        Optional<Stage> stage = stageOf(event);
        StageProgress current = specs.get(event.spec());
        if (stage.isEmpty() || event.spec().isEmpty()
                || current != null && (event.version() < current.version()
                        || event.version() == current.version() && current.stage().equals(stage.get().name()))) {
            return Optional.empty();
        }
        StageProgress progress = new StageProgress(event.spec(), event.version(), stage.get().name(), at,
                stage.get().terminal());
        specs.put(event.spec(), progress);
        return Optional.of(progress);
    }

    public synchronized void restore(StageProgress saved) {
        specs.merge(saved.spec(), saved, (seen, stored) -> seen);
    }

    /** Every version stuck now, as trouble; reported again on every call while it stays stuck. */
    public synchronized List<Trouble> stuck(Instant now) {
        return specs.values().stream()
                .filter(progress -> !progress.terminal() && !now.isBefore(progress.changedAt().plus(stuckAfter)))
                .map(progress -> new Trouble(progress.spec(), progress.version(), 1, Kind.STUCK,
                        "stage " + progress.stage() + " since " + progress.changedAt() + ", no progress for "
                                + Duration.between(progress.changedAt(), now).toSeconds() + " s (limit "
                                + stuckAfter.toSeconds() + " s)",
                        progress.changedAt().plus(stuckAfter)))
                .toList();
    }

    public synchronized Optional<StageProgress> progress(String spec) {
        return Optional.ofNullable(specs.get(spec));
    }

    // Java 17: no pattern matching in switch yet
    private static Optional<Stage> stageOf(FactoryEvent event) {
        Stage stage = null;
        if (event instanceof SpecAccepted) {
            stage = new Stage("accepted", false);
        } else if (event instanceof SpecRetried) {
            stage = new Stage("retried", false);
        } else if (event instanceof TestsWaiting) {
            // the tester's outage, shown by its readiness: replanning cannot help, so it is not watched as stuck
            stage = new Stage("waiting", true);
        } else if (event instanceof SpecRejected) {
            stage = new Stage("rejected", true);
        } else if (event instanceof PlanCreated) {
            stage = new Stage("planned", false);
        } else if (event instanceof PlanAbandoned) {
            stage = new Stage("failed", true);
        } else if (event instanceof CodeGenerated) {
            stage = new Stage("coded", false);
        } else if (event instanceof TestsCompleted tests) {
            // a failed test run waits for the planner's repair, which may itself get stuck
            stage = new Stage(tests.passed() ? "tested" : "tests-failed", false);
        } else if (event instanceof DeploymentCompleted deployment) {
            stage = new Stage(deployment.succeeded() ? "running" : "failed", true);
        } else if (event instanceof IncidentDetected incident) {
            stage = switch (incident.action()) {
                case REPLAN -> new Stage("replanning", false);
                case ROLLBACK -> new Stage("rolled-back", true);
                case ESCALATE -> new Stage("failed", true);
                case RESTART -> null;
            };
        }
        return Optional.ofNullable(stage);
    }
}
