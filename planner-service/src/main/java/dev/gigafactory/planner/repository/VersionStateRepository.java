package dev.gigafactory.planner.repository;

import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.planner.domain.VersionState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Everything a decision reads about a spec version, in one statement: every round trip on this hop is overhead. */
@ApplicationScoped
public class VersionStateRepository {

    private static final String STATE = """
            select (select document from spec_version where name = ?1 and version = ?2),
                   coalesce((select max(version) from spec_version where name = ?1), 0),
                   coalesce((select max(attempt) from plan where name = ?1 and version = ?2), 0),
                   coalesce((select tokens_used from version_budget where name = ?1 and version = ?2), 0),
                   (select abandoned_budget from version_budget where name = ?1 and version = ?2)""";

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
        return new VersionState(document, ((Number) row[1]).intValue(), ((Number) row[2]).intValue(),
                ((Number) row[3]).longValue(), row[4] != null);
    }
}
