package dev.gigafactory.planner.repository;

import dev.gigafactory.planner.domain.StoredPlan;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PlanRepository implements PanacheRepository<StoredPlan> {

    /** The highest attempt planned for the version, or 0. */
    public Uni<Integer> lastAttempt(String name, int version) {
        return find("name = ?1 and version = ?2 order by attempt desc", name, version).firstResult()
                .map(last -> last == null ? 0 : last.attempt);
    }

    public Uni<List<StoredPlan>> forVersion(String name, int version) {
        return list("name = ?1 and version = ?2 order by attempt", name, version);
    }
}
