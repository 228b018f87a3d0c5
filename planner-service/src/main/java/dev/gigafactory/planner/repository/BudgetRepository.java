package dev.gigafactory.planner.repository;

import dev.gigafactory.planner.domain.VersionBudget;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Spend and exhaustion per spec version. Upserts, because ledger entries may arrive before the version itself. */
@ApplicationScoped
public class BudgetRepository {

    private static final String ADD_TOKENS = """
            insert into version_budget (name, version, tokens_used) values (?1, ?2, ?3)
            on conflict (name, version) do update set tokens_used = version_budget.tokens_used + excluded.tokens_used""";

    private static final String ABANDON = """
            insert into version_budget (name, version, abandoned_budget, abandoned_reason) values (?1, ?2, ?3, ?4)
            on conflict (name, version) do update
            set abandoned_budget = excluded.abandoned_budget, abandoned_reason = excluded.abandoned_reason""";

    private static final String FIND = """
            select tokens_used, abandoned_budget, abandoned_reason from version_budget where name = ?1 and version = ?2""";

    public Uni<Void> addTokens(String name, int version, long tokens) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(ADD_TOKENS)
                        .setParameter(1, name)
                        .setParameter(2, version)
                        .setParameter(3, tokens)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Void> abandon(String name, int version, String budget, String reason) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(ABANDON)
                        .setParameter(1, name)
                        .setParameter(2, version)
                        .setParameter(3, budget)
                        .setParameter(4, reason)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<VersionBudget> find(String name, int version) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(FIND, Object[].class)
                        .setParameter(1, name)
                        .setParameter(2, version)
                        .getResultList())
                .map(rows -> rows.isEmpty()
                        ? VersionBudget.NONE
                        : new VersionBudget(((Number) rows.get(0)[0]).longValue(), (String) rows.get(0)[1],
                                (String) rows.get(0)[2]));
    }
}
