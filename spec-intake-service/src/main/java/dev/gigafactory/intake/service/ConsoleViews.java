package dev.gigafactory.intake.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.validation.Problem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the console's JSON endpoints answer: everything one page shows, in one answer. */
public final class ConsoleViews {

    private ConsoleViews() {
    }

    /** How the pages should behave here: whether writes need a key, where Grafana is, the stages to filter by. */
    public record Settings(boolean writesGuarded, String grafanaUrl, List<String> stages) {
    }

    /** One spec: its newest version's place in the pipeline and the history of every version. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Overview(String name, int version, String stage, String url, Instant updatedAt,
            SpecViews.RetryHint retry, Links links, List<Hop> pipeline, List<VersionView> versions,
            List<RejectionView> rejections, List<TestRun> tests, List<DeploymentView> deployments,
            List<IncidentView> incidents, LedgerView ledger) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(String product, String grafanaProduct, String grafanaPipeline) {
    }

    /** A stage of the newest version: when it was reached (null: not yet) and how long the hop to it took. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hop(String stage, Instant at, Long tookMs) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VersionView(int version, String digest, String stage, String url, Instant acceptedAt,
            JsonNode changes, List<StageChanged> timeline) {
    }

    public record RejectionView(Instant at, String source, List<Problem> problems) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TestRun(int version, int attempt, Instant at, boolean passed, String failure, long durationMs,
            String agent, String logExcerpt, List<TestsCompleted.CaseResult> cases) {
    }

    /** {@code kind}: release, restart or rollback; a remediation names the incident it answers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeploymentView(int version, int attempt, Instant at, boolean succeeded, String kind,
            String incidentId, String url, String target, String detail) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IncidentView(int version, int attempt, String incidentId, String kind, String action,
            String evidence, Instant detectedAt, Healing healing) {
    }

    /** {@code outcome}: healed, failed, pending or escalated. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Healing(String outcome, Instant at, String detail) {
    }

    public record Cost(long calls, long promptTokens, long completionTokens, BigDecimal costUsd) {

        static final Cost NONE = new Cost(0, 0, 0, BigDecimal.ZERO);

        Cost plus(long prompt, long completion, BigDecimal usd) {
            return new Cost(calls + 1, promptTokens + prompt, completionTokens + completion,
                    costUsd.add(usd == null ? BigDecimal.ZERO : usd));
        }
    }

    public record VersionCost(int version, Cost cost) {
    }

    public record LedgerView(Cost total, List<VersionCost> byVersion, List<String> models) {
    }
}
