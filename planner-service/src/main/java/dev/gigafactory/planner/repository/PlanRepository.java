package dev.gigafactory.planner.repository;

import dev.gigafactory.planner.domain.StoredPlan;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PlanRepository implements PanacheRepository<StoredPlan> {

    public Uni<List<StoredPlan>> forVersion(String name, int version) {
        return list("name = ?1 and version = ?2 order by attempt", name, version);
    }
}
