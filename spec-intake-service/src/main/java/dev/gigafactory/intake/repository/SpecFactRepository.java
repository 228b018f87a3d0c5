package dev.gigafactory.intake.repository;

import dev.gigafactory.intake.domain.SpecFact;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;

@ApplicationScoped
public class SpecFactRepository implements PanacheRepositoryBase<SpecFact, String> {

    private static final String INSERT = """
            insert into spec_fact (event_id, name, version, attempt, kind, at, data)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (event_id) do nothing""";

    /** Stores a fact once; a replayed event (same ce_id) changes nothing. */
    public Uni<Void> remember(SpecFact fact) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, fact.eventId)
                        .setParameter(2, fact.name)
                        .setParameter(3, fact.version)
                        .setParameter(4, fact.attempt)
                        .setParameter(5, fact.kind)
                        .setParameter(6, fact.at.atOffset(ZoneOffset.UTC))
                        .setParameter(7, fact.data)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Every fact of one spec, oldest first. */
    public Uni<List<SpecFact>> of(String name) {
        return list("name = ?1 order by at, eventId", name);
    }
}
