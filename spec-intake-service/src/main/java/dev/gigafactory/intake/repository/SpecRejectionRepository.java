package dev.gigafactory.intake.repository;

import dev.gigafactory.intake.domain.SpecRejection;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class SpecRejectionRepository implements PanacheRepository<SpecRejection> {

    public Uni<SpecRejection> bySource(String sourceId) {
        return find("sourceId", sourceId).firstResult();
    }

    /** The newest rejections of documents that carried this name, newest first. */
    public Uni<List<SpecRejection>> byName(String name, int limit) {
        return find("name = ?1 order by id desc", name).page(0, limit).list();
    }

    public Uni<List<SpecRejection>> unpublished() {
        return list("published = false order by id");
    }

    public Uni<Integer> markPublished(long id) {
        return update("published = true where id = ?1", id);
    }
}
