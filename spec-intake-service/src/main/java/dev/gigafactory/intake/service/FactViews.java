package dev.gigafactory.intake.service;

import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.intake.domain.SpecFact;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Turns the stored facts of one spec into what the console shows: tests, deployments, incidents, cost. */
public final class FactViews {

    private FactViews() {
    }

    /** Newest first, as people read a history. */
    public static List<ConsoleViews.TestRun> tests(List<SpecFact> facts) {
        return newestFirst(ofKind(facts, SpecFact.TESTS).map(fact -> {
            TestsCompleted tests = Json.read(fact.data, TestsCompleted.class);
            return new ConsoleViews.TestRun(tests.version(), tests.attempt(), fact.at, tests.passed(), tests.failure(),
                    tests.durationMs(), tests.agent(), tests.logExcerpt(), tests.cases());
        }));
    }

    public static List<ConsoleViews.DeploymentView> deployments(List<SpecFact> facts) {
        return newestFirst(ofKind(facts, SpecFact.DEPLOYMENT).map(FactViews::deployment));
    }

    private static ConsoleViews.DeploymentView deployment(SpecFact fact) {
        DeploymentCompleted deployment = Json.read(fact.data, DeploymentCompleted.class);
        String cause = deployment.cause() == null ? DeploymentCompleted.DEPLOY : deployment.cause();
        int slash = cause.indexOf('/');
        String kind = slash < 0 ? "release" : cause.substring(0, slash);
        String incident = slash < 0 ? null : cause.substring(slash + 1);
        return new ConsoleViews.DeploymentView(deployment.version(), deployment.attempt(), fact.at,
                deployment.succeeded(), kind, incident, deployment.url(), deployment.target(), deployment.detail());
    }

    /** Each incident with what healed it: its restart or rollback, a newer release after a replan, or nothing yet. */
    public static List<ConsoleViews.IncidentView> incidents(List<SpecFact> facts) {
        List<ConsoleViews.DeploymentView> deployments = ofKind(facts, SpecFact.DEPLOYMENT).map(FactViews::deployment)
                .toList();
        return newestFirst(ofKind(facts, SpecFact.INCIDENT).map(fact -> {
            IncidentDetected incident = Json.read(fact.data, IncidentDetected.class);
            return new ConsoleViews.IncidentView(incident.version(), incident.attempt(), incident.incidentId(),
                    incident.kind().name().toLowerCase(), incident.action().name().toLowerCase(), incident.evidence(),
                    fact.at, healing(incident, fact, deployments));
        }));
    }

    static ConsoleViews.Healing healing(IncidentDetected incident, SpecFact fact,
            List<ConsoleViews.DeploymentView> deployments) {
        if (incident.action() == IncidentDetected.Remediation.ESCALATE) {
            return new ConsoleViews.Healing("escalated", null, "handed to people: the factory does not heal it");
        }
        Optional<ConsoleViews.DeploymentView> answer = incident.action() == IncidentDetected.Remediation.REPLAN
                ? deployments.stream().filter(d -> d.kind().equals("release") && d.version() >= incident.version()
                        && d.at().isAfter(fact.at)).findFirst()
                : deployments.stream().filter(d -> incident.incidentId().equals(d.incidentId())).findFirst();
        if (answer.isEmpty()) {
            return new ConsoleViews.Healing("pending", null, "waiting for the " + incident.action().name()
                    .toLowerCase());
        }
        ConsoleViews.DeploymentView d = answer.get();
        if (!d.succeeded()) {
            return new ConsoleViews.Healing("failed", d.at(), d.kind() + " failed: " + d.detail());
        }
        String how = switch (incident.action()) {
            case RESTART -> "restarted";
            case ROLLBACK -> "rolled back to v" + d.version();
            default -> "replanned: v" + d.version() + " attempt " + d.attempt() + " released";
        };
        return new ConsoleViews.Healing("healed", d.at(), how + ", serving at " + d.url());
    }

    public static ConsoleViews.LedgerView ledger(List<SpecFact> facts) {
        ConsoleViews.Cost total = ConsoleViews.Cost.NONE;
        Map<Integer, ConsoleViews.Cost> byVersion = new TreeMap<>();
        TreeSet<String> models = new TreeSet<>();
        for (SpecFact fact : ofKind(facts, SpecFact.LEDGER).toList()) {
            LedgerEntryRecorded entry = Json.read(fact.data, LedgerEntryRecorded.class);
            total = total.plus(entry.promptTokens(), entry.completionTokens(), entry.costUsd());
            byVersion.merge(entry.version(), ConsoleViews.Cost.NONE.plus(entry.promptTokens(),
                    entry.completionTokens(), entry.costUsd()),
                    (a, b) -> a.plus(b.promptTokens(),
                            b.completionTokens(), b.costUsd()));
            if (entry.model() != null) {
                models.add(entry.model());
            }
        }
        return new ConsoleViews.LedgerView(total, byVersion.entrySet().stream()
                .map(e -> new ConsoleViews.VersionCost(e.getKey(), e.getValue())).toList(), List.copyOf(models));
    }

    // Java 17 has no List.reversed().
    private static <T> List<T> newestFirst(Stream<T> oldestFirst) {
        List<T> list = new ArrayList<>(oldestFirst.toList());
        Collections.reverse(list);
        return list;
    }

    private static Stream<SpecFact> ofKind(List<SpecFact> facts, String kind) {
        return facts.stream().filter(fact -> fact.kind.equals(kind));
    }
}
