package dev.gigafactory.intake.service;

import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.PlanAbandoned;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.SpecRejected;
import dev.gigafactory.contracts.events.SpecRetired;
import dev.gigafactory.contracts.events.SpecRetried;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.events.TestsWaiting;
import dev.gigafactory.intake.domain.Stage;
import java.util.List;

/**
 * Which stage each pipeline event moves its spec version to. A {@code SpecUnchanged} moves none: it answers a
 * submission, the version stays where it is.
 */
public final class StageMapping {

    /** A stage a spec version reaches, with its URL (once deployed) and a short human detail. */
    public record StageUpdate(Stage stage, String url, String detail) {
    }

    private StageMapping() {
    }

    public static List<StageUpdate> of(FactoryEvent event) {
        if (event instanceof SpecAccepted accepted) {
            return one(Stage.ACCEPTED, null, accepted.changes().size() + " change(s), " + accepted.digest());
        }
        if (event instanceof SpecRetried retried) {
            return one(Stage.RETRIED, null, "retry " + retried.retry() + " via " + retried.source().channel()
                    + ", with a fresh budget; it had failed: " + retried.previousFailure());
        }
        if (event instanceof TestsWaiting waiting) {
            return one(Stage.WAITING, null, "tester cannot run: " + waiting.reason());
        }
        if (event instanceof SpecRejected rejected) {
            return one(Stage.REJECTED, null, rejected.problems().size() + " problem(s): " + rejected.problems()
                    .get(0));
        }
        if (event instanceof PlanCreated plan) {
            return one(Stage.PLANNED, null, plan.kind().name().toLowerCase() + " plan, " + plan.tasks().size()
                    + " task(s)");
        }
        if (event instanceof PlanAbandoned abandoned) {
            return one(Stage.FAILED, null, "abandoned: " + abandoned.reason());
        }
        if (event instanceof CodeGenerated code) {
            return one(Stage.CODED, null, coded(code));
        }
        if (event instanceof TestsCompleted tests) {
            return tests.passed()
                    ? one(Stage.TESTED, null, passedCases(tests) + " case(s) passed")
                    : one(Stage.FAILED, null, "tests failed: " + tests.failure());
        }
        if (event instanceof DeploymentCompleted deployment) {
            return deployment.succeeded()
                    ? List.of(new StageUpdate(Stage.DEPLOYED, deployment.url(), deployment.target()),
                            new StageUpdate(Stage.RUNNING, deployment.url(), "healthy at " + deployment.url()))
                    : one(Stage.FAILED, null, "deployment failed: " + deployment.detail());
        }
        if (event instanceof SpecRetired retired) {
            return one(Stage.RETIRED, null, "retired by " + retired.requestedBy() + ": its product is stopped and"
                    + " removed; submitting the spec again, even unchanged, builds a new version");
        }
        if (event instanceof IncidentDetected incident) {
            return one(stageOf(incident), null, incident.kind() + " → " + incident.action() + ": " + incident
                    .evidence());
        }
        return List.of();
    }

    private static Stage stageOf(IncidentDetected incident) {
        if (incident.action() == IncidentDetected.Remediation.ESCALATE) {
            return Stage.FAILED;
        }
        return incident.kind() == IncidentDetected.Kind.SLO_BREACH ? Stage.DEGRADED : Stage.HEALING;
    }

    private static long passedCases(TestsCompleted tests) {
        return tests.cases().stream().filter(TestsCompleted.CaseResult::passed).count();
    }

    private static List<StageUpdate> one(Stage stage, String url, String detail) {
        return List.of(new StageUpdate(stage, url, truncate(detail)));
    }

    private static String truncate(String detail) {
        return detail.length() <= 2000 ? detail : detail.substring(0, 1999) + "…";
    }

    private static String coded(CodeGenerated code) {
        if (code.failure() != null) {
            return "not finished by " + code.agent() + ": " + code.failure();
        }
        String kept = code.baseDigest() == null
                ? ""
                : " (" + code.filesWritten() + " written, the rest kept from " + code.baseDigest() + ")";
        return code.fileCount() + " file(s) by " + code.agent() + kept + ", " + code.sourceDigest();
    }
}
