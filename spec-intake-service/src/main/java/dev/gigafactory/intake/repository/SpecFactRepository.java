package dev.gigafactory.intake.repository;

import dev.gigafactory.intake.domain.SpecFact;
import dev.gigafactory.intake.service.ConsoleViews;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;

@ApplicationScoped
public class SpecFactRepository implements PanacheRepositoryBase<SpecFact, String> {

    private static final String INSERT = """
            insert into spec_fact (event_id, name, version, attempt, kind, at, data)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (event_id) do nothing""";

    private static final String SPEND = """
            select count(*), coalesce(sum((data::jsonb ->> 'promptTokens')::bigint), 0),
                   coalesce(sum((data::jsonb ->> 'completionTokens')::bigint), 0),
                   coalesce(sum((data::jsonb ->> 'costUsd')::numeric), 0)
            from spec_fact where name = ?1 and kind = 'ledger'""";

    /** Stores a fact once; a replayed event (same ce_id) changes nothing and answers false. */
    public Uni<Boolean> remember(SpecFact fact) {
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
                .map(inserted -> inserted > 0);
    }

    /** Calls, tokens and cost on the ledger of one spec, over every version, summed by the database. */
    public Uni<ConsoleViews.Cost> spend(String name) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(SPEND, Object[].class).setParameter(1, name)
                        .getSingleResult())
                .map(row -> new ConsoleViews.Cost(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue(), new BigDecimal(row[3].toString())));
    }

    /** Every fact of one spec, oldest first. */
    public Uni<List<SpecFact>> of(String name) {
        return list("name = ?1 order by at, eventId", name);
    }
}
