package dev.gigafactory.planner.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The idempotent consumer's memory: CloudEvent ids already handled. */
@ApplicationScoped
public class ProcessedEventRepository {

    // The lock is taken before the row is inserted: both in one round trip.
    private static final String LOCK_AND_INSERT = """
            with locked as (select pg_advisory_xact_lock(hashtext(?1)))
            insert into processed_event (event_id, processed_at) select ?2, ?3 from locked
            on conflict (event_id) do nothing""";

    /**
     * Serialises the handling of one spec's inputs until the transaction ends (a failed test and a replan incident
     * arriving together on their two topics must not both plan the same next attempt), then remembers the event id.
     * False when the id was already there: a redelivery. Call inside the effect's transaction.
     */
    public Uni<Boolean> firstTime(String spec, String eventId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(LOCK_AND_INSERT)
                        .setParameter(1, spec)
                        .setParameter(2, eventId)
                        .setParameter(3, OffsetDateTime.now(ZoneOffset.UTC))
                        .executeUpdate())
                .map(inserted -> inserted > 0);
    }
}
