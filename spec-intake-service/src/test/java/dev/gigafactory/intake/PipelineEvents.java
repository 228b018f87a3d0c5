package dev.gigafactory.intake;

import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.events.TestsCompleted.StepResult;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.testsupport.Deployments;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the stages after intake would publish about a spec version, for tests to put on the real broker. */
public final class PipelineEvents {

    public static final String SOURCE = "sha256:" + "a".repeat(64);
    public static final String ARTIFACT = "sha256:" + "b".repeat(64);

    private PipelineEvents() {
    }

    public static PlanCreated planned(String name, int version, int attempt, ServiceSpec document) {
        return new PlanCreated(name, version, attempt, attempt == 1
                ? PlanCreated.PlanKind.INITIAL
                : PlanCreated.PlanKind.REPAIR, document, List.of(), List.of(), "version " + version);
    }

    public static CodeGenerated coded(String name, int version, int attempt, ServiceSpec document) {
        return new CodeGenerated(name, version, attempt, "jdk-http", "template", SOURCE, 9, document);
    }

    /** A verdict whose first case passes; when {@code passed} is false its second case fails on its second step. */
    public static TestsCompleted tested(String name, int version, int attempt, boolean passed, ServiceSpec document) {
        StepResult created = new StepResult(0, "POST", "/todos", 201, 201, true, "ok", 12, "{\"title\":\"Buy milk\"}",
                "{\"title\":\"Buy milk\"}", "{\"id\":\"1\",\"title\":\"Buy milk\"}");
        StepResult read = passed
                ? new StepResult(1, "GET", "/todos/1", 200, 200, true, "ok", 3, null, "{\"title\":\"Buy milk\"}",
                        "{\"id\":\"1\",\"title\":\"Buy milk\"}")
                : new StepResult(1, "GET", "/todos/1", 200, 404, false, "expected status 200, got 404", 3, null,
                        "{\"title\":\"Buy milk\"}", "{\"title\":\"Not found\"}");
        List<CaseResult> cases = List.of(new CaseResult("a todo without a title is refused", true, List.of(
                new StepResult(0, "POST", "/todos", 400, 400, true, "ok", 4, "{\"done\":true}", null, null))),
                new CaseResult("create a todo and read it back", passed, List.of(created, read)));
        return new TestsCompleted(name, version, attempt, passed, SOURCE, passed ? ARTIFACT : null, cases,
                passed ? null : "1 of 2 case(s) failed", "BUILD SUCCESS", 1_500, document, "template");
    }

    public static DeploymentCompleted deployed(String name, int version, int attempt, String url, String cause) {
        return Deployments.of(name, version).attempt(attempt).url(url).artifact(ARTIFACT).detail("healthy").cause(cause)
                .build();
    }

    public static IncidentDetected incident(String name, int version, String id, IncidentDetected.Remediation action) {
        return new IncidentDetected(name, version, 1, id, IncidentDetected.Kind.CRASH, action,
                "the process exited with 137", Instant.now());
    }

    public static LedgerEntryRecorded ledger(String name, int version, String callId, long prompt, long completion,
            String usd) {
        return new LedgerEntryRecorded(name, version, 1, "coder", callId, "claude-test", prompt, completion,
                new BigDecimal(usd));
    }
}
