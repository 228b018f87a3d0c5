package dev.gigafactory.deployer.repository;

import dev.gigafactory.deployer.domain.DeploymentRecord;
import dev.gigafactory.deployer.domain.DeploymentRow;
import dev.gigafactory.deployer.domain.HandledIncident;
import dev.gigafactory.deployer.domain.SpecRetirement;
import dev.gigafactory.deployer.domain.SpecRow;
import dev.gigafactory.deployer.domain.SpecState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The store in the deployer's own PostgreSQL database, through Hibernate Reactive. The deployer's callers are worker
 * threads that must wait for the write anyway (a product is started or stopped only once its record is saved), so
 * each call runs its Uni on a Vert.x context and awaits it; never call it on an event loop.
 */
@ApplicationScoped
public class DatabaseDeploymentStore implements DeploymentStore {

    private final Mutiny.SessionFactory sessions;

    public DatabaseDeploymentStore(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Map<String, SpecState> load() {
        return Awaited.await(() -> sessions.withSession(session -> session
                .createSelectionQuery("from SpecRow", SpecRow.class).getResultList()
                .chain(specs -> rowsOf(session, specs).map(rows -> states(specs, rows)))));
    }

    @Override
    public void save(SpecState spec, List<DeploymentRecord> written) {
        Awaited.await(() -> sessions.withTransaction(session -> {
            // One session is not for concurrent use: the merges run one after the other, the rows before the pointers.
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (DeploymentRecord record : written) {
                DeploymentRow row = DeploymentRow.of(record, spec.stablePort());
                chain = chain.chain(() -> session.merge(row).replaceWithVoid());
            }
            return chain.chain(session::flush).chain(() -> session.merge(specRow(spec))).replaceWithVoid();
        }));
    }

    @Override
    public List<DeploymentRecord> history(String spec) {
        return Awaited.await(() -> sessions.withSession(session -> session
                .createSelectionQuery("from DeploymentRow where spec = ?1 order by startedAt", DeploymentRow.class)
                .setParameter(1, spec).getResultList()))
                .stream().map(DeploymentRow::toRecord).toList();
    }

    @Override
    public boolean isHandled(String incidentId) {
        return Awaited
                .await(() -> sessions.withSession(session -> session.find(HandledIncident.class, incidentId))) != null;
    }

    @Override
    public void markHandled(String incidentId) {
        HandledIncident handled = new HandledIncident();
        handled.incidentId = incidentId;
        handled.handledAt = Instant.now();
        Awaited.await(() -> sessions.withTransaction(session -> session.merge(handled).replaceWithVoid()));
    }

    @Override
    public void retire(String spec, int version, String requestId, Instant retiredAt) {
        SpecRetirement retirement = new SpecRetirement();
        retirement.spec = spec;
        retirement.version = version;
        retirement.requestId = requestId;
        retirement.retiredAt = retiredAt;
        // Read and raise in one transaction; one spec's retirements are serialised by the deployer's lock on the spec.
        Awaited.await(() -> sessions.withTransaction(session -> session.find(SpecRetirement.class, spec)
                .chain(known -> known != null && known.version >= version
                        ? Uni.createFrom().voidItem()
                        : session.merge(retirement).replaceWithVoid())));
    }

    @Override
    public OptionalInt retiredThrough(String spec) {
        SpecRetirement retirement = Awaited
                .await(() -> sessions.withSession(session -> session.find(SpecRetirement.class, spec)));
        return retirement == null ? OptionalInt.empty() : OptionalInt.of(retirement.version);
    }

    @Override
    public Map<String, Integer> retirements() {
        return Awaited.await(() -> sessions.withSession(session -> session
                .createSelectionQuery("from SpecRetirement", SpecRetirement.class).getResultList()))
                .stream().collect(Collectors.toMap(retirement -> retirement.spec, retirement -> retirement.version));
    }

    private static Uni<Map<String, DeploymentRow>> rowsOf(Mutiny.Session session, List<SpecRow> specs) {
        Object[] ids = specs.stream().flatMap(s -> Stream.of(s.currentId, s.previousId)).filter(Objects::nonNull)
                .distinct().toArray();
        if (ids.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        return session.find(DeploymentRow.class, ids).map(rows -> rows.stream().filter(Objects::nonNull)
                .collect(Collectors.toMap(row -> row.id, row -> row)));
    }

    private static Map<String, SpecState> states(List<SpecRow> specs, Map<String, DeploymentRow> rows) {
        Map<String, SpecState> states = new TreeMap<>();
        for (SpecRow spec : specs) {
            states.put(spec.spec, new SpecState(spec.spec, record(rows.get(spec.currentId)),
                    record(rows.get(spec.previousId)), spec.stablePort));
        }
        return states;
    }

    private static DeploymentRecord record(DeploymentRow row) {
        return row == null ? null : row.toRecord();
    }

    private static SpecRow specRow(SpecState spec) {
        SpecRow row = new SpecRow();
        row.spec = spec.spec();
        row.currentId = spec.current() == null ? null : spec.current().id();
        row.previousId = spec.previous() == null ? null : spec.previous().id();
        row.stablePort = spec.stablePort();
        return row;
    }

}
