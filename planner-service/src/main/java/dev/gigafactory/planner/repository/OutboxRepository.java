package dev.gigafactory.planner.repository;

import dev.gigafactory.planner.domain.OutboxEvent;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxEvent> {

    /** Unsent events written before {@code before}: left behind by a crash or a broker outage, oldest first. */
    public Uni<List<OutboxEvent>> unpublishedBefore(Instant before) {
        return list("published = false and createdAt < ?1 order by id", before);
    }

    public Uni<Integer> markPublished(String eventId) {
        return update("published = true where eventId = ?1", eventId);
    }
}
