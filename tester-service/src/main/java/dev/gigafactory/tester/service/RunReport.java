package dev.gigafactory.tester.service;

import dev.gigafactory.contracts.acceptance.Excerpts;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What one run has found so far. The first failure wins: later stages do not run once one has failed. */
final class RunReport {

    private final List<CaseResult> cases = new ArrayList<>();
    private final Map<String, Long> phaseMillis = new LinkedHashMap<>();
    private String failure;
    private String logExcerpt;
    private String artifactDigest;

    void addCase(CaseResult result) {
        cases.add(result);
    }

    void addCases(List<CaseResult> results) {
        cases.addAll(results);
    }

    void fail(String reason, String log) {
        if (failure == null) {
            failure = Excerpts.head(reason, 2000);
            logExcerpt = log == null || log.isEmpty() ? null : Excerpts.tail(log);
        }
    }

    /** Records how long a phase took, from {@code startedNanos} ({@link System#nanoTime()}) until now. */
    void phaseDone(String phase, long startedNanos) {
        phaseMillis.merge(phase, (System.nanoTime() - startedNanos) / 1_000_000, Long::sum);
    }

    /** Where the run's time went, for the log: {@code compile 310 ms, unit tests 170 ms, ...}. */
    String phases() {
        return phaseMillis.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " ms")
                .collect(Collectors.joining(", "));
    }

    /** Adds what another report of the same run found, after what this one has; its failure counts if none yet. */
    void append(RunReport other) {
        cases.addAll(other.cases);
        other.phaseMillis.forEach((phase, millis) -> phaseMillis.merge(phase, millis, Long::sum));
        if (failure == null && other.failure != null) {
            failure = other.failure;
            logExcerpt = other.logExcerpt;
        }
    }

    boolean failed() {
        return failure != null;
    }

    /** The digest under which the artifact store keeps the jar that passed. */
    void storedAs(String digest) {
        this.artifactDigest = digest;
    }

    List<CaseResult> cases() {
        return List.copyOf(cases);
    }

    String failure() {
        return failure;
    }

    String logExcerpt() {
        return logExcerpt;
    }

    /** The stored jar's digest, only when every stage passed. */
    String artifactDigest() {
        return failed() ? null : artifactDigest;
    }
}
