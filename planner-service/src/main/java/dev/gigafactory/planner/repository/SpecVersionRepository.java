package dev.gigafactory.planner.repository;

import dev.gigafactory.planner.domain.StoredVersion;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SpecVersionRepository implements PanacheRepository<StoredVersion> {

    public Uni<StoredVersion> find(String name, int version) {
        return find("name = ?1 and version = ?2", name, version).firstResult();
    }

    /** The newest accepted version of the spec, or 0 when none is stored. */
    public Uni<Integer> newestVersion(String name) {
        return find("name = ?1 order by version desc", name).firstResult()
                .map(newest -> newest == null ? 0 : newest.version);
    }
}
