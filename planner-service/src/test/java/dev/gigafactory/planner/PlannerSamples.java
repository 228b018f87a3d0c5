package dev.gigafactory.planner;

import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.SpecChange;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.events.TestsCompleted.StepResult;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.contracts.spec.SpecDiff;
import dev.gigafactory.contracts.validation.SpecValidator;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Inputs the planner sees, built from the example specs. */
public final class PlannerSamples {

    private PlannerSamples() {
    }

    public static ServiceSpec library(String name) {
        try {
            String yaml = Files.readString(Path.of("..", "examples", "specs", "library.yaml"))
                    .replace("name: library", "name: " + name);
            return new SpecValidator().validate(yaml.getBytes()).spec();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SpecAccepted accepted(ServiceSpec spec, int version, ServiceSpec previous) {
        List<SpecChange> changes = SpecDiff.between(previous, spec);
        return new SpecAccepted(spec.name(), version, 1, "sha256:" + "d".repeat(64), spec, changes, Instant.now());
    }

    /** A failed run whose failing step says what went wrong. */
    public static TestsCompleted failedWithCases(ServiceSpec spec, int version, int attempt, String stepMessage) {
        StepResult ok = new StepResult(0, "POST", "/books", 201, 201, true, null, 5);
        StepResult bad = new StepResult(1, "GET", "/books/{id}", 200, 404, false, stepMessage, 3);
        return new TestsCompleted(spec.name(), version, attempt, false, "sha256:" + "e".repeat(64), null,
                List.of(new CaseResult("read back", false, List.of(ok, bad))), "1 of 1 case failed", "", 100, spec);
    }

    public static IncidentDetected incident(String spec, int version, int attempt, Remediation action) {
        return new IncidentDetected(spec, version, attempt, "inc-" + action.name().toLowerCase(),
                IncidentDetected.Kind.SLO_BREACH, action, "p99 latency 900 ms over 250 ms", Instant.now());
    }

    public static LedgerEntryRecorded ledger(String spec, int version, String callId, long prompt, long completion) {
        return new LedgerEntryRecorded(spec, version, 1, "coder", callId, "stub-model", prompt, completion,
                BigDecimal.ZERO);
    }

    public static TestsCompleted failed(ServiceSpec spec, int attempt) {
        return new TestsCompleted(spec.name(), 1, attempt, false, "sha256:" + "e".repeat(64), null, List.of(),
                "step 0 of 'create': expected 201 but was 500", "", 100, spec);
    }
}
