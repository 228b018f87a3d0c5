package dev.gigafactory.monitor.service;

import dev.gigafactory.monitor.config.MonitorConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import org.jboss.logging.Logger;

/** At start: the watched deployments, pipeline stages and unresolved incidents the monitor had when it stopped. */
@ApplicationScoped
public class MonitorResume {

    private static final Logger LOG = Logger.getLogger(MonitorResume.class);

    void onStart(@Observes StartupEvent start, MonitorStore store, Fleet fleet, StageTracker stages,
            IncidentDesk desk, MonitorConfig config, Clock clock) {
        store.watched().forEach(saved -> fleet.restore(saved, clock.instant()));
        store.stages().forEach(stages::restore);
        desk.resume(store.incidentsSince(clock.instant().minus(config.historyHorizon())));
        LOG.infof("resumed: %d deployments watched", fleet.live().size());
    }
}
