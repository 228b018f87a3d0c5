package dev.gigafactory.intake.repository;

import dev.gigafactory.intake.domain.SpecStatus;
import dev.gigafactory.intake.domain.StageChange;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The status read model: timeline rows and the current stage per spec version. */
@ApplicationScoped
public class StatusRepository {

    private static final String INSERT_CHANGE = """
            insert into stage_change (name, version, stage, at, event_id, event_type, detail)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (event_id, stage) do nothing""";

    // Events reach the read model from several topics, so they can arrive out of order: the newest event wins.
    private static final String UPSERT_STATUS = """
            insert into spec_status (name, version, stage, url, updated_at) values (?1, ?2, ?3, ?4, ?5)
            on conflict (name, version) do update
            set stage = excluded.stage, url = coalesce(excluded.url, spec_status.url), updated_at = excluded.updated_at
            where spec_status.updated_at <= excluded.updated_at""";

    /** Appends a timeline entry; false when this event already caused this stage (a replay). */
    public Uni<Boolean> appendChange(StageChange change) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT_CHANGE)
                        .setParameter(1, change.name)
                        .setParameter(2, change.version)
                        .setParameter(3, change.stage)
                        .setParameter(4, utc(change.at))
                        .setParameter(5, change.eventId)
                        .setParameter(6, change.eventType)
                        .setParameter(7, change.detail)
                        .executeUpdate())
                .map(inserted -> inserted > 0);
    }

    public Uni<Void> moveTo(String name, int version, String stage, String url, Instant at) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(UPSERT_STATUS)
                        .setParameter(1, name)
                        .setParameter(2, version)
                        .setParameter(3, stage)
                        .setParameter(4, url)
                        .setParameter(5, utc(at))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The versions of a spec newer than {@code version} that the read model knows. */
    public Uni<List<Integer>> versionsAfter(String name, int version) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery(
                        "select version from SpecStatus where name = ?1 and version > ?2 order by version",
                        Integer.class)
                .setParameter(1, name).setParameter(2, version).getResultList());
    }

    public Uni<SpecStatus> newest(String name) {
        return SpecStatusQueries.newest(name);
    }

    public Uni<SpecStatus> status(String name, int version) {
        return SpecStatusQueries.status(name, version);
    }

    public Uni<StageChange> lastFailure(String name, int version) {
        return SpecStatusQueries.lastFailure(name, version);
    }

    public Uni<List<StageChange>> timeline(String name, int version) {
        return SpecStatusQueries.timeline(name, version);
    }

    public Uni<List<SpecStatus>> allOf(String name) {
        return SpecStatusQueries.allOf(name);
    }

    public Uni<List<StageChange>> timelineOf(String name) {
        return SpecStatusQueries.timelineOf(name);
    }

    public Uni<List<SpecStatus>> newestPerSpec(String stage, Page page) {
        return SpecStatusQueries.newestPerSpec(stage, page);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
