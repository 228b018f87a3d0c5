package dev.gigafactory.planner.repository;

import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.planner.domain.PassedTree;
import dev.gigafactory.planner.domain.VersionState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.SortedMap;
import java.util.TreeMap;

/** Everything a decision reads about a spec version, in one statement: every round trip on this hop is overhead. */
@ApplicationScoped
public class VersionStateRepository {

    private static final String STATE = """
            select (select document from spec_version where name = ?1 and version = ?2),
                   coalesce((select max(version) from spec_version where name = ?1), 0),
                   coalesce((select max(attempt) from plan where name = ?1 and version = ?2), 0),
                   b.tokens_used, b.abandoned_budget, b.round_start_attempt, b.tokens_at_round_start, b.retries,
                   (select string_agg(attempt || '=' || source_digest, ',' order by attempt)
                      from failed_attempt where name = ?1 and version = ?2),
                   p.source_digest, b.cost_used_usd, b.cost_at_round_start_usd, p.version
            from (select 1) one
            left join version_budget b on b.name = ?1 and b.version = ?2
            left join (select version, source_digest from passed_attempt where name = ?1 and version < ?2
                        order by version desc, attempt desc limit 1) p on true""";

    public Uni<VersionState> find(String name, int version) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(STATE, Object[].class)
                        .setParameter(1, name)
                        .setParameter(2, version)
                        .getSingleResult())
                .map(VersionStateRepository::state);
    }

    private static VersionState state(Object[] row) {
        ServiceSpec document = row[0] == null ? null : Json.read((String) row[0], ServiceSpec.class);
        return new VersionState(document, number(row[1]), number(row[2]), row[3] == null
                ? 0
                : ((Number) row[3])
                        .longValue(),
                row[4] != null, number(row[5]), row[6] == null ? 0 : ((Number) row[6]).longValue(),
                number(row[7]), digests((String) row[8]), base(row[12], (String) row[9]), money(row[10]),
                money(row[11]));
    }

    // The newest earlier version that passed, not just the previous one: see Planner#baseOf.
    private static PassedTree base(Object version, String digest) {
        return digest == null ? null : new PassedTree(number(version), digest);
    }

    private static BigDecimal money(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    private static int number(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    // "1=sha256:..,2=sha256:.." — a digest holds no ',' or '='.
    private static SortedMap<Integer, String> digests(String joined) {
        SortedMap<Integer, String> digests = new TreeMap<>();
        if (joined != null && !joined.isBlank()) {
            for (String pair : joined.split(",")) {
                int at = pair.indexOf('=');
                digests.put(Integer.parseInt(pair.substring(0, at)), pair.substring(at + 1));
            }
        }
        return digests;
    }
}
