package dev.gigafactory.intake.repository;

import dev.gigafactory.intake.domain.SpecStatus;
import dev.gigafactory.intake.domain.StageChange;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** Read queries of the status model. */
final class SpecStatusQueries {

    private static final String NEWEST_PER_SPEC = """
            from SpecStatus s where s.version = (select max(t.version) from SpecStatus t where t.name = s.name)""";

    private SpecStatusQueries() {
    }

    static Uni<SpecStatus> newest(String name) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from SpecStatus where name = ?1 order by version desc", SpecStatus.class)
                .setParameter(1, name)
                .setMaxResults(1)
                .getSingleResultOrNull());
    }

    static Uni<SpecStatus> status(String name, int version) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from SpecStatus where name = ?1 and version = ?2", SpecStatus.class)
                .setParameter(1, name)
                .setParameter(2, version)
                .getSingleResultOrNull());
    }

    /** The newest timeline entry of the version that failed it, or null. */
    static Uni<StageChange> lastFailure(String name, int version) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from StageChange where name = ?1 and version = ?2 and stage = 'failed'"
                        + " order by at desc, id desc", StageChange.class)
                .setParameter(1, name)
                .setParameter(2, version)
                .setMaxResults(1)
                .getSingleResultOrNull());
    }

    static Uni<List<StageChange>> timeline(String name, int version) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from StageChange where name = ?1 and version = ?2 order by at, id",
                        StageChange.class)
                .setParameter(1, name)
                .setParameter(2, version)
                .getResultList());
    }

    static Uni<List<SpecStatus>> allOf(String name) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from SpecStatus where name = ?1 order by version desc", SpecStatus.class)
                .setParameter(1, name)
                .getResultList());
    }

    /** The timeline of every version of a spec. */
    static Uni<List<StageChange>> timelineOf(String name) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from StageChange where name = ?1 order by version, at, id", StageChange.class)
                .setParameter(1, name)
                .getResultList());
    }

    static Uni<List<SpecStatus>> newestPerSpec(String stage, Page page) {
        String query = stage == null
                ? NEWEST_PER_SPEC + " order by s.name"
                : NEWEST_PER_SPEC
                        + " and s.stage = ?1 order by s.name";
        return Panache.getSession().chain(session -> {
            var selection = session.createSelectionQuery(query, SpecStatus.class)
                    .setFirstResult(page.index * page.size)
                    .setMaxResults(page.size);
            if (stage != null) {
                selection.setParameter(1, stage);
            }
            return selection.getResultList();
        });
    }
}
