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

    private static final String ABANDON = """
            insert into version_budget (name, version, abandoned_budget, abandoned_reason) values (?1, ?2, ?3, ?4)
            on conflict (name, version) do update
            set abandoned_budget = excluded.abandoned_budget, abandoned_reason = excluded.abandoned_reason""";

    // A retry: budgets count from here again, and the version is no longer failed.
    private static final String START_ROUND = """
            insert into version_budget (name, version, round_start_attempt, retries) values (?1, ?2, ?3, ?4)
            on conflict (name, version) do update
            set round_start_attempt = excluded.round_start_attempt, tokens_at_round_start = version_budget.tokens_used,
                cost_at_round_start_usd = version_budget.cost_used_usd,
                retries = excluded.retries, abandoned_budget = null, abandoned_reason = null""";

    private static final String FAILED = """
            insert into failed_attempt (name, version, attempt, source_digest) values (?1, ?2, ?3, ?4)
            on conflict do nothing""";

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

    /** Starts a new round after {@code startAttempt}; tokens spent so far no longer count against it. */
    public Uni<Void> startRound(String name, int version, int startAttempt, int retries) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(START_ROUND)
                        .setParameter(1, name)
                        .setParameter(2, version)
                        .setParameter(3, startAttempt)
                        .setParameter(4, retries)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Remembers the code a failed attempt was built from. */
    public Uni<Void> failed(String name, int version, int attempt, String sourceDigest) {
        return attemptCode(FAILED, name, version, attempt, sourceDigest);
    }

    /** Remembers the code an attempt passed with: what the next version's incremental plan builds on. */
    public Uni<Void> passed(String name, int version, int attempt, String sourceDigest) {
        return attemptCode(PASSED, name, version, attempt, sourceDigest);
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

    private static Uni<Void> attemptCode(String insert, String name, int version, int attempt, String digest) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(insert)
                        .setParameter(1, name)
                        .setParameter(2, version)
                        .setParameter(3, attempt)
                        .setParameter(4, digest)
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
                                (String) rows.get(0)[2], new BigDecimal(rows.get(0)[3].toString())));
    }
}
