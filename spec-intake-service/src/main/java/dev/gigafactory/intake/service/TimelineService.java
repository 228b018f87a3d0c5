package dev.gigafactory.intake.service;

import dev.gigafactory.contracts.codec.CloudEvent;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.EventType;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.events.SpecRetired;
import dev.gigafactory.contracts.events.SpecRetried;
import dev.gigafactory.contracts.events.Submission;
import dev.gigafactory.intake.domain.Stage;
import dev.gigafactory.intake.domain.StageChange;
import dev.gigafactory.intake.repository.StatusRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Keeps the status read model: every pipeline event becomes timeline entries and moves the current stage. */
@ApplicationScoped
public class TimelineService {

    private final StatusRepository status;
    private final StageBroadcaster broadcaster;
    private final FactRecorder facts;

    public TimelineService(StatusRepository status, StageBroadcaster broadcaster, FactRecorder facts) {
        this.status = status;
        this.broadcaster = broadcaster;
        this.facts = facts;
    }

    /** Called inside the transaction that stores a new version. */
    Uni<Void> submitted(String name, int version, Submission source, Instant at) {
        StageChange change = change(name, version, Stage.SUBMITTED, at, "submission/" + source.id(), "submission",
                "via " + source.channel());
        return append(change, null).replaceWithVoid();
    }

    /**
     * Called inside the transaction that stores a retry, under the id its event will carry: when the event comes back
     * from the topic it finds its entry there.
     */
    Uni<StageChanged> retried(SpecRetried event, String eventId) {
        StageMapping.StageUpdate update = StageMapping.of(event).get(0);
        return append(change(event.spec(), event.version(), update.stage(), event.retriedAt(), eventId,
                EventType.SPEC_RETRIED.ceType(), update.detail()), null);
    }

    /** For a change committed outside {@link #record}: live followers hear of it once it is committed. */
    void announce(StageChanged change) {
        if (change != null) {
            broadcaster.publish(change);
        }
    }

    /** Idempotent: a replayed event finds its timeline entries already there and changes nothing. */
    public Uni<Void> record(CloudEvent<FactoryEvent> event) {
        FactoryEvent data = event.data();
        Instant at = event.time() != null ? event.time() : Instant.now();
        List<StageMapping.StageUpdate> updates = StageMapping.of(data);
        return Panache.withTransaction(() -> facts.remember(event).chain(newFact -> versionOf(data)
                .chain(version -> Multi.createFrom().iterable(updates)
                        .onItem().transformToUniAndConcatenate(update -> append(change(data.spec(), version,
                                update.stage(), at, event.id(), event.type(), update.detail()), update.url()))
                        .collect().asList())
                .chain(applied -> rolledBackFrom(event, at).map(more -> Stream.concat(applied.stream(),
                        more.stream()).toList()))
                .map(changes -> new Committed(newFact, changes))))
                .invoke(committed -> {
                    committed.changes().stream().filter(Objects::nonNull).forEach(broadcaster::publish);
                    if (committed.newFact()) {
                        facts.committed(event);
                    }
                })
                .replaceWithVoid();
    }

    private record Committed(boolean newFact, List<StageChanged> changes) {
    }

    // A retirement names the newest version its sender knew, 0 when that was none yet: it retires the spec as it stands.
    private Uni<Integer> versionOf(FactoryEvent data) {
        if (data instanceof SpecRetired retired && retired.version() == 0) {
            return status.newest(retired.spec()).map(newest -> newest == null ? 0 : newest.version);
        }
        return Uni.createFrom().item(data.version());
    }

    // The version rolled back from, and any newer one, is out of service: the older version serves in its place.
    private Uni<List<StageChanged>> rolledBackFrom(CloudEvent<FactoryEvent> event, Instant at) {
        if (!(event.data() instanceof DeploymentCompleted restored) || !restored.succeeded()
                || !restored.isRollback()) {
            return Uni.createFrom().item(List.of());
        }
        String detail = "rolled back: v" + restored.version() + " serves in its place at " + restored.url();
        return status.versionsAfter(restored.spec(), restored.version())
                .onItem().transformToMulti(versions -> Multi.createFrom().iterable(versions))
                .onItem().transformToUniAndConcatenate(version -> append(change(restored.spec(), version,
                        Stage.FAILED, at, event.id(), event.type(), detail), null))
                .collect().asList();
    }

    private Uni<StageChanged> append(StageChange change, String url) {
        return status.appendChange(change).chain(inserted -> inserted
                ? status.moveTo(change.name, change.version, change.stage, url, change.at)
                        .replaceWith(StageChanged.of(change, url))
                : Uni.createFrom().nullItem());
    }

    private static StageChange change(String name, int version, Stage stage, Instant at, String eventId,
            String eventType, String detail) {
        StageChange change = new StageChange();
        change.name = name;
        change.version = version;
        change.stage = stage.wireName();
        change.at = at;
        change.eventId = eventId;
        change.eventType = eventType;
        change.detail = detail;
        return change;
    }
}
