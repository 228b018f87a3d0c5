package dev.gigafactory.planner.repository;

import dev.gigafactory.planner.domain.VersionBudget;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;

/** Spend and exhaustion per spec version. Upserts, because ledger entries may arrive before the version itself. */
@ApplicationScoped
public class BudgetRepository {

    private static final String ADD_SPEND = """
            insert into version_budget (name, version, tokens_used, cost_used_usd) values (?1, ?2, ?3, ?4)
            on conflict (name, version) do update set tokens_used = version_budget.tokens_used + excluded.tokens_used,
                cost_used_usd = version_budget.cost_used_usd + excluded.cost_used_usd""";

    private static final String PASSED = """
            insert into passed_attempt (name, version, attempt, source_digest) values (?1, ?2, ?3, ?4)
            on conflict do nothing""";

    private static final String LATEST_PASSED = """
            select source_digest from passed_attempt where name = ?1 and version = ?2 order by attempt desc limit 1""";

    private static final String FIND = """
            select tokens_used, abandoned_budget, abandoned_reason, cost_used_usd from version_budget where name = ?1 and version = ?2""";

    public Uni<Void> addSpend(String name, int version, long tokens, BigDecimal costUsd) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(ADD_SPEND)
                        .setParameter(1, name)
                        .setParameter(2, version)
                        .setParameter(3, tokens)
                        .setParameter(4, costUsd)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Remembers the code an attempt passed with: the base every plan of a later version names. */
    public Uni<Void> passed(String name, int version, int attempt, String sourceDigest) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(PASSED)
                        .setParameter(1, name)
                        .setParameter(2, version)
                        .setParameter(3, attempt)
                        .setParameter(4, sourceDigest)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The code of the version's latest attempt that passed, or null. */
    public Uni<String> latestPassed(String name, int version) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(LATEST_PASSED, String.class)
                        .setParameter(1, name)
                        .setParameter(2, version)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
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
                                (String) rows.get(0)[2], new BigDecimal(rows.get(0)[3].toString())));
    }
}
