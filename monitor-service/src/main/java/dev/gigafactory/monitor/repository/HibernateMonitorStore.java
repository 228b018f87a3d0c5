package dev.gigafactory.monitor.repository;

import dev.gigafactory.monitor.domain.Incident;
import dev.gigafactory.monitor.domain.StageProgress;
import dev.gigafactory.monitor.domain.WatchedDeployment;
import dev.gigafactory.monitor.service.MonitorStore;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The store on PostgreSQL through Hibernate Reactive. Callers are worker threads (the probe scheduler, blocking
 * listeners) that need the write done before they go on, so each call runs on a Vert.x context and is awaited.
 */
@ApplicationScoped
public class HibernateMonitorStore implements MonitorStore {

    private final Mutiny.SessionFactory sessions;

    public HibernateMonitorStore(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public void save(Incident incident) {
        await(() -> sessions.withTransaction(session -> session.merge(IncidentRow.of(incident))));
    }

    @Override
    public List<Incident> incidentsSince(Instant since) {
        return await(() -> sessions.withSession(session -> session
                .createSelectionQuery("from IncidentRow where detectedAt >= :since order by detectedAt",
                        IncidentRow.class)
                .setParameter("since", since)
                .getResultList()))
                .stream().map(IncidentRow::incident).toList();
    }

    @Override
    public void save(WatchedDeployment watched) {
        await(() -> sessions.withTransaction(session -> session.merge(WatchedDeploymentRow.of(watched))));
    }

    @Override
    public List<WatchedDeployment> watched() {
        return await(() -> sessions.withSession(session -> session
                .createSelectionQuery("from WatchedDeploymentRow", WatchedDeploymentRow.class).getResultList()))
                .stream().map(WatchedDeploymentRow::watched).toList();
    }

    @Override
    public void forget(String spec) {
        await(() -> sessions.withTransaction(session -> session
                .createMutationQuery("delete from WatchedDeploymentRow where spec = :spec")
                .setParameter("spec", spec).executeUpdate()));
    }

    @Override
    public void save(StageProgress progress) {
        await(() -> sessions.withTransaction(session -> session.merge(StageProgressRow.of(progress))));
    }

    @Override
    public List<StageProgress> stages() {
        return await(() -> sessions.withSession(session -> session
                .createSelectionQuery("from StageProgressRow", StageProgressRow.class).getResultList()))
                .stream().map(StageProgressRow::progress).toList();
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException("monitor store: " + e.getMessage(), e);
        }
    }
}
