package dev.gigafactory.intake.repository;

import dev.gigafactory.intake.domain.SpecVersion;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class SpecVersionRepository implements PanacheRepository<SpecVersion> {

    public Uni<SpecVersion> latest(String name) {
        return find("name = ?1 order by version desc", name).firstResult();
    }

    public Uni<SpecVersion> byVersion(String name, int version) {
        return find("name = ?1 and version = ?2", name, version).firstResult();
    }

    /** Every version of a spec, newest first. */
    public Uni<List<SpecVersion>> allOf(String name) {
        return list("name = ?1 order by version desc", name);
    }

    public Uni<List<SpecVersion>> unpublished() {
        return list("published = false order by id");
    }

    public Uni<Integer> markPublished(long id) {
        return update("published = true where id = ?1", id);
    }

    /**
     * Serialises versioning per spec name until the transaction ends, so two concurrent submissions of one name
     * cannot both become the same next version.
     */
    public Uni<Void> lockName(String name) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                        .setParameter(1, name)
                        .getSingleResult())
                .replaceWithVoid();
    }
}
