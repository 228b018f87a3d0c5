package dev.gigafactory.planner.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The idempotent consumer's memory: CloudEvent ids already handled. */
@ApplicationScoped
public class ProcessedEventRepository {

    private static final String INSERT = """
            insert into processed_event (event_id, processed_at) values (?1, ?2) on conflict (event_id) do nothing""";

    /**
     * Serialises the handling of one spec's inputs until the transaction ends: a failed test and a replan incident
     * arriving together on their two topics must not both plan the same next attempt.
     */
    public Uni<Void> lockSpec(String spec) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                        .setParameter(1, spec)
                        .getSingleResult())
                .replaceWithVoid();
    }

    /** Remembers the id; false when it was already there (a redelivery). Call inside the effect's transaction. */
    public Uni<Boolean> firstTime(String eventId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, eventId)
                        .setParameter(2, OffsetDateTime.now(ZoneOffset.UTC))
                        .executeUpdate())
                .map(inserted -> inserted > 0);
    }
}
