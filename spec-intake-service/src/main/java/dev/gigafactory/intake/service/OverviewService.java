package dev.gigafactory.intake.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.events.SpecRejected;
import dev.gigafactory.intake.config.IntakeConfig;
import dev.gigafactory.intake.domain.SpecFact;
import dev.gigafactory.intake.domain.SpecRejection;
import dev.gigafactory.intake.domain.SpecStatus;
import dev.gigafactory.intake.domain.SpecVersion;
import dev.gigafactory.intake.domain.StageChange;
import dev.gigafactory.intake.repository.SpecFactRepository;
import dev.gigafactory.intake.repository.SpecRejectionRepository;
import dev.gigafactory.intake.repository.SpecVersionRepository;
import dev.gigafactory.intake.repository.StatusRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Everything the console's spec page shows, from the read model; callers open the session. */
@ApplicationScoped
public class OverviewService {

    private static final int REJECTIONS_SHOWN = 20;

    private final StatusRepository status;
    private final SpecVersionRepository versions;
    private final SpecRejectionRepository rejections;
    private final SpecFactRepository facts;
    private final IntakeConfig config;

    public OverviewService(StatusRepository status, SpecVersionRepository versions,
            SpecRejectionRepository rejections, SpecFactRepository facts, IntakeConfig config) {
        this.status = status;
        this.versions = versions;
        this.rejections = rejections;
        this.facts = facts;
        this.config = config;
    }

    /** Null when the read model knows nothing of the name. One session runs one query at a time: they chain. */
    public Uni<ConsoleViews.Overview> overview(String name) {
        return status.newest(name).chain(current -> current == null
                ? Uni.createFrom().nullItem()
                : versions.allOf(name).chain(stored -> status.allOf(name).chain(states -> status.timelineOf(name)
                        .chain(timeline -> rejections.byName(name, REJECTIONS_SHOWN).chain(refused -> facts.of(name)
                                .chain(known -> status.lastFailure(name, current.version).map(failure -> assemble(
                                        current, stored, states, timeline, refused, known, RetryRule.failedForGood(
                                                current, failure).orElse(null)))))))));
    }

    private ConsoleViews.Overview assemble(SpecStatus current, List<SpecVersion> stored, List<SpecStatus> states,
            List<StageChange> timeline, List<SpecRejection> refused, List<SpecFact> known, String failure) {
        Map<Integer, List<StageChanged>> byVersion = timeline.stream().collect(Collectors.groupingBy(
                change -> change.version, Collectors.mapping(change -> StageChanged.of(change, null),
                        Collectors.toList())));
        Map<Integer, SpecStatus> stateOf = states.stream().collect(Collectors.toMap(s -> s.version,
                Function.identity()));
        List<ConsoleViews.VersionView> versionViews = stored.stream().map(version -> {
            SpecStatus state = stateOf.get(version.version);
            return new ConsoleViews.VersionView(version.version, version.digest, state == null ? null : state.stage,
                    state == null ? null : state.url, version.acceptedAt, Json.read(version.changes, JsonNode.class),
                    byVersion.getOrDefault(version.version, List.of()));
        }).toList();
        List<ConsoleViews.RejectionView> rejectionViews = refused.stream().map(rejection -> {
            SpecRejected event = Json.read(rejection.event, SpecRejected.class);
            return new ConsoleViews.RejectionView(rejection.rejectedAt, event.source().channel(), event.problems());
        }).toList();
        return new ConsoleViews.Overview(current.name, current.version, current.stage, current.url,
                current.updatedAt, SpecViews.RetryHint.of(current.name, failure), links(current),
                PipelineHops.of(byVersion.getOrDefault(current.version, List.of())), versionViews, rejectionViews,
                FactViews.tests(known), FactViews.deployments(known), FactViews.incidents(known),
                FactViews.ledger(known));
    }

    private ConsoleViews.Links links(SpecStatus current) {
        String grafana = config.console().grafanaUrl().map(url -> url.replaceAll("/+$", "")).orElse(null);
        return new ConsoleViews.Links(current.url,
                grafana == null ? null : grafana + "/d/gigafactory-products?var-product=" + current.name,
                grafana == null ? null : grafana + "/d/gigafactory-pipeline");
    }
}
