package dev.gigafactory.contracts;

import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.events.Allowance;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import dev.gigafactory.contracts.events.PlanAbandoned;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.events.ProductExited;
import dev.gigafactory.contracts.events.RepairEvidence;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.SpecChange;
import dev.gigafactory.contracts.events.SpecRejected;
import dev.gigafactory.contracts.events.SpecRetried;
import dev.gigafactory.contracts.events.SpecUnchanged;
import dev.gigafactory.contracts.events.Submission;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.events.TestsWaiting;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.contracts.spec.Slo;
import dev.gigafactory.contracts.validation.Problem;
import dev.gigafactory.contracts.validation.SpecValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One sample of every event type: the shared test data behind the golden fixtures. */
public final class EventSamples {

    public static final String DIGEST = "sha256:" + "ab".repeat(32);
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    private EventSamples() {
    }

    public static ServiceSpec todo() {
        return example("todo.yaml");
    }

    public static ServiceSpec example(String file) {
        try {
            byte[] bytes = Files.readAllBytes(Path.of("..", "examples", "specs", file));
            return new SpecValidator().validate(bytes).spec();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, FactoryEvent> all() {
        ServiceSpec todo = todo();
        List<SpecChange> changes = List.of(SpecChange.added("entity", "Todo"));
        TestsCompleted.StepResult step = new TestsCompleted.StepResult(0, "POST", "/todos", 201, 201, true, "ok", 12,
                "{\"title\":\"Buy milk\"}", "{\"title\":\"Buy milk\",\"done\":false}",
                "{\"id\":\"5f0c\",\"title\":\"Buy milk\",\"done\":false}");
        Submission rest = Submission.fromRest("3b1f6c2e-8d4a-4f0e-9c7b-1a2b3c4d5e6f");
        return Map.ofEntries(
                Map.entry("spec-accepted", new SpecAccepted("todo", 1, 1, DIGEST, todo, changes, AT)),
                Map.entry("spec-retried", new SpecRetried("todo", 1, 0, 1, DIGEST, todo,
                        "abandoned: attempt budget of 3 spent", rest, AT)),
                Map.entry("spec-rejected", new SpecRejected("todo", 0, 0,
                        List.of(Problem.at("/spec/entities/0/name", "entity name 'Todo' is used twice")),
                        Submission.fromTopic("factory.specs.submitted", 2, 42), AT)),
                Map.entry("spec-unchanged", new SpecUnchanged("todo", 1, 0, DIGEST, "failed",
                        "identical to version 1 once normalised; nothing new to build",
                        "retry with ./factory retry todo or POST /api/specs/todo/retry",
                        Submission.fromTopic("factory.specs.submitted", 2, 43), AT)),
                Map.entry("plan-created", new PlanCreated("todo", 1, 1, PlanCreated.PlanKind.INITIAL, todo,
                        PlanTask.every(todo), changes, "version 1")
                        .withAllowance(new Allowance(200_000, new BigDecimal("5.00")))),
                Map.entry("plan-created-incremental", new PlanCreated("todo", 2, 1, PlanCreated.PlanKind.INCREMENTAL,
                        todo, List.of(PlanTask.of(PlanTask.Kind.PROJECT, "todo"), PlanTask.entity("Todo")),
                        List.of(SpecChange.added("field", "Todo.due")), "1 change(s) since version 1", null,
                        DIGEST)),
                Map.entry("plan-created-repair", new PlanCreated("todo", 1, 2, PlanCreated.PlanKind.REPAIR, todo,
                        List.of(), List.of(), "repair of attempt 1",
                        new RepairEvidence(1, List.of(DIGEST), "1 of 1 case(s) failed",
                                List.of(new RepairEvidence.FailedStep("create a todo and read it back", 0, "POST",
                                        "/todos", "{\"title\":\"Buy milk\"}", 201, "{\"done\":false}", 400,
                                        "{\"title\":\"Bad request\"}", "status: expected 201 but was 400")),
                                "todo listening on 40123"))),
                Map.entry("plan-abandoned", new PlanAbandoned("todo", 1, 3,
                        "3 of 3 attempts failed; last: step 0 expected 201")),
                Map.entry("code-generated", new CodeGenerated("todo", 1, 1, "jdk-http", "template", DIGEST, 14, todo,
                        List.of("project", "runtime", "entity:Todo", "entry-point", "requirements", "tests"), 14,
                        null)),
                Map.entry("code-generated-incremental", new CodeGenerated("todo", 2, 1, "jdk-http", "template", DIGEST,
                        14, todo, List.of("project", "entity:Todo"), 7, DIGEST)),
                Map.entry("code-generated-failed", new CodeGenerated("todo", 1, 2, "jdk-http", "llm", DIGEST, 14, todo,
                        List.of("project", "runtime", "entity:Todo", "entry-point", "requirements", "tests"), 14,
                        null, "no reply implemented the requirements: the model server answered 503")),
                Map.entry("tests-completed", new TestsCompleted("todo", 1, 1, true, DIGEST, DIGEST,
                        List.of(new TestsCompleted.CaseResult("create a todo and read it back", true, List.of(step))),
                        null, "", 2300, todo, "template")),
                Map.entry("tests-waiting", new TestsWaiting("todo", 1, 1, DIGEST,
                        "bubblewrap (bwrap) is not installed", AT)),
                Map.entry("deployment-completed", new DeploymentCompleted("todo", 1, 1, true,
                        "http://127.0.0.1:40123", DIGEST, "local", new Slo(new BigDecimal("99.5"), 250), "healthy",
                        DeploymentCompleted.DEPLOY)),
                Map.entry("product-exited", new ProductExited("todo", 1, 1, 4242, AT,
                        "pid 4242 exited with code 137 at 2026-01-02T03:04:05Z; last output:\nKilled")),
                Map.entry("incident-detected", new IncidentDetected("todo", 1, 1,
                        "7d8e5b9c-2f4a-4c1e-9a0b-3d2c1b0a9f8e", IncidentDetected.Kind.CRASH,
                        IncidentDetected.Remediation.RESTART,
                        "GET http://127.0.0.1:40123/health: connection refused x 2", AT)),
                Map.entry("ledger-entry-recorded", new LedgerEntryRecorded("todo", 1, 1, "coder", "call-1",
                        "gpt-4o-mini", 1200, 300, new BigDecimal("0.00036"))));
    }

    public static String json(FactoryEvent event) {
        return Json.writeString(event);
    }
}
