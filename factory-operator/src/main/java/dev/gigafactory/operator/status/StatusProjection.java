package dev.gigafactory.operator.status;

import static dev.gigafactory.operator.status.Condition.DEGRADED;
import static dev.gigafactory.operator.status.Condition.PROGRESSING;
import static dev.gigafactory.operator.status.Condition.READY;

import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.PlanAbandoned;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.SpecRejected;
import dev.gigafactory.contracts.events.SpecRetried;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.events.TestsWaiting;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A pipeline event onto a resource's status: a pure function, so a redelivered event writes the same status again
 * (nothing changes twice). An event of an older version than the status shows is history and is ignored, except a
 * rollback, which brings an older version back on purpose.
 */
public final class StatusProjection {

    private StatusProjection() {
    }

    /** The resource's generation is on the intake topic; the intake answers next. */
    public static SpecStatus submitted(SpecStatus status, long generation, Instant now) {
        return status.observed(generation).with("submitted", status.version(), status.url(), null)
                .set(PROGRESSING, true, "Submitted", "generation " + generation + " is on the intake topic", now);
    }

    public static Optional<SpecStatus> apply(SpecStatus status, FactoryEvent event, Instant now) {
        if (event.version() != 0 && event.version() < status.version() && !isRollback(event)) {
            return Optional.empty();
        }
        int version = event.version() == 0 ? status.version() : event.version();
        SpecStatus next = project(status, event, version, now);
        return next == null || next.equals(status) ? Optional.empty() : Optional.of(next);
    }

    private static SpecStatus project(SpecStatus s, FactoryEvent event, int v, Instant now) {
        boolean serving = s.url() != null;
        if (event instanceof SpecAccepted || event instanceof SpecRetried) {
            String reason = event instanceof SpecRetried ? "Retried" : "Accepted";
            return progressing(s.with("accepted", v, s.url(), null), reason, "version " + v, now);
        } else if (event instanceof SpecRejected rejected) {
            String problems = rejected.problems().stream().map(p -> p.pointer() + ": " + p.message())
                    .collect(Collectors.joining("; "));
            return s.with("rejected", v, s.url(), problems)
                    .set(PROGRESSING, false, "Rejected", "the intake refused the document", now)
                    .set(DEGRADED, true, "Rejected", problems, now)
                    .set(READY, serving, serving ? "Serving" : "Rejected", serving ? s.url() : problems, now);
        } else if (event instanceof PlanCreated plan) {
            return progressing(s.with("planned", v, s.url(), null), "Planned", plan.kind() + " plan, attempt "
                    + plan.attempt(), now);
        } else if (event instanceof PlanAbandoned abandoned) {
            return failed(s.with("failed", v, s.url(), abandoned.reason()), "PlanAbandoned", abandoned.reason(), now);
        } else if (event instanceof CodeGenerated code) {
            return progressing(s.with("coded", v, s.url(), null), "Coded", code.fileCount() + " files", now);
        } else if (event instanceof TestsWaiting waiting) {
            return progressing(s.with("waiting", v, s.url(), waiting.reason()), "TesterWaiting", waiting.reason(),
                    now);
        } else if (event instanceof TestsCompleted tests) {
            String reason = tests.passed() ? "TestsPassed" : "TestsFailed";
            return progressing(s.with("tested", v, s.url(), tests.failure()), reason,
                    tests.passed() ? "attempt " + tests.attempt() : tests.failure(), now);
        } else if (event instanceof DeploymentCompleted deployed) {
            return deployed(s, deployed, v, now);
        } else if (event instanceof IncidentDetected incident) {
            return incident(s, incident, v, now);
        }
        return null;
    }

    private static SpecStatus deployed(SpecStatus s, DeploymentCompleted deployed, int v, Instant now) {
        if (!deployed.succeeded()) {
            return failed(s.with("failed", v, s.url(), deployed.detail()), "DeploymentFailed", deployed.detail(),
                    now);
        }
        return s.with("deployed", v, deployed.url(), null)
                .set(READY, true, deployed.isRemediation() ? "Remediated" : "Deployed", deployed.url(), now)
                .set(PROGRESSING, false, "Deployed", "version " + v + " serves", now)
                .set(DEGRADED, false, "Deployed", "", now);
    }

    private static SpecStatus incident(SpecStatus s, IncidentDetected incident, int v, Instant now) {
        String text = incident.kind() + ": " + incident.evidence();
        String reason = "Incident" + camel(incident.kind().name());
        if (incident.action() == IncidentDetected.Remediation.ESCALATE) {
            return s.with("degraded", v, s.url(), text).set(DEGRADED, true, reason, text, now)
                    .set(PROGRESSING, false, "Escalated", "needs a person", now);
        }
        return s.with("healing", v, s.url(), text).set(DEGRADED, true, reason, text, now)
                .set(PROGRESSING, true, "Healing", incident.action().name().toLowerCase(), now);
    }

    private static SpecStatus progressing(SpecStatus s, String reason, String text, Instant now) {
        SpecStatus next = s.set(PROGRESSING, true, reason, text, now).set(DEGRADED, false, reason, "", now);
        boolean serving = s.url() != null;
        return next.set(READY, serving, serving ? "Serving" : "NotDeployed", serving ? s.url() : "", now);
    }

    private static SpecStatus failed(SpecStatus s, String reason, String text, Instant now) {
        return s.set(PROGRESSING, false, reason, text, now).set(DEGRADED, true, reason, text, now);
    }

    private static boolean isRollback(FactoryEvent event) {
        return event instanceof DeploymentCompleted deployed && deployed.isRollback();
    }

    /** SLO_BREACH is SloBreach: condition reasons are CamelCase in Kubernetes. */
    private static String camel(String upper) {
        StringBuilder out = new StringBuilder();
        for (String word : upper.split("_")) {
            out.append(word.charAt(0)).append(word.substring(1).toLowerCase());
        }
        return out.toString();
    }
}
