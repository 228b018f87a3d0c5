package dev.gigafactory.planner.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The code of the attempts that passed their tests: what the next version's incremental plan builds on. */
@ApplicationScoped
public class PassedAttemptRepository {

    private static final String PASSED = """
            insert into passed_attempt (name, version, attempt, source_digest) values (?1, ?2, ?3, ?4)
            on conflict do nothing""";

    private static final String LATEST = """
            select source_digest from passed_attempt where name = ?1 and version = ?2 order by attempt desc limit 1""";

    /** The code of the version's latest attempt that passed, or null. */
    public Uni<String> latest(String name, int version) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(LATEST, String.class)
                        .setParameter(1, name)
                        .setParameter(2, version)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

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
}
