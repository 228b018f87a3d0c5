package dev.gigafactory.planner;

import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.SpecChange;
import dev.gigafactory.contracts.events.SpecRetried;
import dev.gigafactory.contracts.events.Submission;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.events.TestsCompleted.StepResult;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.contracts.spec.SpecDiff;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Inputs the planner sees, built from the example specs. */
public final class PlannerSamples {

    private PlannerSamples() {
    }

    public static ServiceSpec library(String name) {
        return ExampleSpecs.renamed("library.yaml", name);
    }

    public static SpecAccepted accepted(ServiceSpec spec, int version, ServiceSpec previous) {
        List<SpecChange> changes = SpecDiff.between(previous, spec);
        return new SpecAccepted(spec.name(), version, 1, "sha256:" + "d".repeat(64), spec, changes, Instant.now());
    }

    /** A different code digest for every attempt, as a model that changes its code writes. */
    public static String digest(int attempt) {
        return "sha256:" + String.format("%064x", attempt);
    }

    /** A passing run of the code with {@code digest}. */
    public static TestsCompleted passed(ServiceSpec spec, int version, int attempt, String digest) {
        return new TestsCompleted(spec.name(), version, attempt, true, digest, "sha256:" + "a".repeat(64),
                List.of(), null, "", 100, spec, "template");
    }

    /** A failed run of code an LLM agent wrote, whose failing step says what went wrong. */
    public static TestsCompleted failedWithCases(ServiceSpec spec, int version, int attempt, String stepMessage) {
        return failedBy("llm", spec, version, attempt, digest(attempt), stepMessage);
    }

    /** A failed run of code from {@code agent} and with {@code digest}; step 1 has its bodies. */
    public static TestsCompleted failedBy(String agent, ServiceSpec spec, int version, int attempt, String digest,
            String stepMessage) {
        StepResult ok = new StepResult(0, "POST", "/books", 201, 201, true, null, 5);
        StepResult bad = new StepResult(1, "POST", "/books", 400, 201, false, stepMessage, 3,
                "{\"title\":\"forbidden fruit\"}", "{\"status\":400}",
                "{\"id\":\"b-1\",\"title\":\"forbidden fruit\"}");
        return new TestsCompleted(spec.name(), version, attempt, false, digest, null,
                List.of(new CaseResult("read back", false, List.of(ok, bad))), "1 of 1 case failed",
                "product log: created b-1", 100, spec, agent);
    }

    public static SpecRetried retried(ServiceSpec spec, int version, int retry, String previousFailure) {
        return new SpecRetried(spec.name(), version, 0, retry, "sha256:" + "d".repeat(64), spec, previousFailure,
                Submission.fromRest("retry-" + retry), Instant.now());
    }

    public static IncidentDetected incident(String spec, int version, int attempt, Remediation action) {
        return new IncidentDetected(spec, version, attempt, "inc-" + action.name().toLowerCase(),
                IncidentDetected.Kind.SLO_BREACH, action, "p99 latency 900 ms over 250 ms", Instant.now());
    }

    public static LedgerEntryRecorded ledger(String spec, int version, String callId, long prompt, long completion) {
        return new LedgerEntryRecorded(spec, version, 1, "coder", callId, "stub-model", prompt, completion,
                BigDecimal.ZERO);
    }

    public static LedgerEntryRecorded paidCall(String spec, int attempt, String callId, String usd) {
        return new LedgerEntryRecorded(spec, 1, attempt, "coder", callId, "stub-model", 1000, 500,
                new BigDecimal(usd));
    }

    public static TestsCompleted failed(ServiceSpec spec, int attempt) {
        return new TestsCompleted(spec.name(), 1, attempt, false, digest(attempt), null, List.of(),
                "step 0 of 'create': expected 201 but was 500", "", 100, spec);
    }
}
