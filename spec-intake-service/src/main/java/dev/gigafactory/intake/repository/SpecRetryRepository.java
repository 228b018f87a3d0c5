package dev.gigafactory.intake.repository;

import dev.gigafactory.intake.domain.SpecRetry;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class SpecRetryRepository implements PanacheRepository<SpecRetry> {

    public Uni<Long> countFor(String name, int version) {
        return count("name = ?1 and version = ?2", name, version);
    }

    public Uni<List<SpecRetry>> unpublished() {
        return list("published = false order by id");
    }

    public Uni<Integer> markPublished(long id) {
        return update("published = true where id = ?1", id);
    }
}
