package dev.gigafactory.planner.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything one decision writes (a version's document, a failed attempt's code, a new round or the end of the
 * version, the plan, its event for the outbox), sent to PostgreSQL as one statement of data-modifying CTEs: every
 * round trip on the planning hop is overhead, and each write here is on a table of its own, so none needs to see
 * another's row. Collect the writes, then {@link #execute} them once, inside the decision's transaction.
 */
public final class DecisionWrites {

    private static final Pattern PARAMETER = Pattern.compile("\\?(\\d+)");

    private static final String VERSION = """
            insert into spec_version (name, version, digest, document, changes, accepted_at)
            values (?1, ?2, ?3, ?4, ?5, ?6)""";

    private static final String FAILED = """
            insert into failed_attempt (name, version, attempt, source_digest) values (?1, ?2, ?3, ?4)
            on conflict do nothing""";

    // A retry: budgets count from here again, and the version is no longer failed.
    private static final String START_ROUND = """
            insert into version_budget (name, version, round_start_attempt, retries) values (?1, ?2, ?3, ?4)
            on conflict (name, version) do update
            set round_start_attempt = excluded.round_start_attempt, tokens_at_round_start = version_budget.tokens_used,
                cost_at_round_start_usd = version_budget.cost_used_usd,
                retries = excluded.retries, abandoned_budget = null, abandoned_reason = null""";

    private static final String ABANDON = """
            insert into version_budget (name, version, abandoned_budget, abandoned_reason) values (?1, ?2, ?3, ?4)
            on conflict (name, version) do update
            set abandoned_budget = excluded.abandoned_budget, abandoned_reason = excluded.abandoned_reason""";

    private static final String PLAN = """
            insert into plan (name, version, attempt, kind, tasks, reason, event_id, created_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""";

    private static final String EVENT = """
            insert into outbox (event_id, ce_type, payload, traceparent, published, created_at)
            values (?1, ?2, ?3, ?4, false, ?5)""";

    private final List<String> writes = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    /** A version's document, the first time this planner sees the version. */
    public DecisionWrites version(String name, int version, String digest, String document, String changes,
            Instant acceptedAt) {
        return add(VERSION, name, version, digest, document, changes, utc(acceptedAt));
    }

    /** The code a failed attempt was built from, so a repair writing it again is seen for what it is. */
    public DecisionWrites failed(String name, int version, int attempt, String sourceDigest) {
        return add(FAILED, name, version, attempt, sourceDigest);
    }

    /** A new round after {@code startAttempt}: what was spent so far no longer counts against it. */
    public DecisionWrites startRound(String name, int version, int startAttempt, int retries) {
        return add(START_ROUND, name, version, startAttempt, retries);
    }

    /** The version ends: which budget ran out, and why. */
    public DecisionWrites abandon(String name, int version, String budget, String reason) {
        return add(ABANDON, name, version, budget, reason);
    }

    public DecisionWrites plan(String name, int version, int attempt, String kind, String tasks, String reason,
            String eventId, Instant createdAt) {
        return add(PLAN, name, version, attempt, kind, tasks, reason, eventId, utc(createdAt));
    }

    /** The decision's event, sent once the transaction commits (or later by the outbox relay). */
    public DecisionWrites event(String eventId, String ceType, String payload, String traceparent,
            Instant createdAt) {
        return add(EVENT, eventId, ceType, payload, traceparent, utc(createdAt));
    }

    /** Runs every write collected, in one round trip; nothing when there is none. */
    public Uni<Void> execute() {
        if (writes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String statement = statement();
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(statement);
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    // The last write is the statement itself; the ones before it run as its CTEs, each exactly once.
    String statement() {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < writes.size() - 1; i++) {
            sql.append(i == 0 ? "with " : ",\n").append("w").append(i).append(" as (").append(writes.get(i))
                    .append(')');
        }
        if (writes.size() > 1) {
            sql.append('\n');
        }
        return sql.append(writes.get(writes.size() - 1)).toString();
    }

    private DecisionWrites add(String write, Object... values) {
        int offset = parameters.size();
        Matcher parameter = PARAMETER.matcher(write);
        writes.add(parameter.replaceAll(found -> "?" + (offset + Integer.parseInt(found.group(1)))));
        parameters.addAll(Arrays.asList(values)); // a trace parent may be null
        return this;
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
