package dev.gigafactory.intake.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.intake.domain.SpecStatus;
import dev.gigafactory.intake.repository.SpecFactRepository;
import dev.gigafactory.intake.repository.SpecVersionRepository;
import dev.gigafactory.intake.repository.StatusRepository;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Answers the status API from the read model; callers open the session. */
@ApplicationScoped
public class StatusQueryService {

    private final StatusRepository status;
    private final SpecVersionRepository versions;
    private final SpecFactRepository facts;

    public StatusQueryService(StatusRepository status, SpecVersionRepository versions, SpecFactRepository facts) {
        this.status = status;
        this.versions = versions;
        this.facts = facts;
    }

    public Uni<List<SpecViews.Summary>> list(String stage, int page, int size) {
        return status.newestPerSpec(stage, Page.of(page, size))
                .map(rows -> rows.stream().map(SpecViews.Summary::of).toList());
    }

    public Uni<SpecViews.Detail> newest(String name) {
        return status.newest(name).chain(current -> current == null
                ? Uni.createFrom().nullItem()
                : versions.byVersion(name, current.version).chain(stored -> status.lastFailure(name,
                        current.version).chain(
                                failure -> timeline(current).chain(timeline -> facts.spend(name)
                                        .map(spend -> new SpecViews.Detail(current.name, current.version,
                                                stored == null ? null : stored.digest, current.stage, current.url,
                                                SpecViews.RetryHint.of(name, RetryRule.failedForGood(current, failure)
                                                        .orElse(null)),
                                                spend, timeline))))));
    }

    public Uni<SpecViews.VersionDetail> version(String name, int version) {
        return versions.byVersion(name, version).chain(stored -> stored == null
                ? Uni.createFrom().nullItem()
                : status.status(name, version).chain(current -> timelineOf(name, version).map(timeline -> {
                    JsonNode document = Json.read(stored.document, JsonNode.class);
                    JsonNode changes = Json.read(stored.changes, JsonNode.class);
                    return new SpecViews.VersionDetail(name, version, stored.digest,
                            current == null ? null : current.stage, current == null ? null : current.url, document,
                            changes, stored.acceptedAt, timeline);
                })));
    }

    private Uni<List<StageChanged>> timeline(SpecStatus current) {
        return timelineOf(current.name, current.version);
    }

    private Uni<List<StageChanged>> timelineOf(String name, int version) {
        return status.timeline(name, version)
                .map(changes -> changes.stream().map(change -> StageChanged.of(change, null)).toList());
    }
}
