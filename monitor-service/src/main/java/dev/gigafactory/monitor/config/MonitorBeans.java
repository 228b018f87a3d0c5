package dev.gigafactory.monitor.config;

import dev.gigafactory.monitor.domain.LadderPolicy;
import dev.gigafactory.monitor.service.Fleet;
import dev.gigafactory.monitor.service.HealthProber;
import dev.gigafactory.monitor.service.IncidentDesk;
import dev.gigafactory.monitor.service.IncidentMeters;
import dev.gigafactory.monitor.service.MonitorStore;
import dev.gigafactory.monitor.service.ProbeRound;
import dev.gigafactory.monitor.service.StageTracker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the plain-Java monitor classes from configuration. */
@Singleton
public class MonitorBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    Fleet fleet(MonitorConfig config, MeterRegistry meters) {
        Fleet fleet = new Fleet(config.failureThreshold(), config.sloWindow(), config.minRequests());
        Gauge.builder("factory.monitored.deployments", fleet, watched -> watched.live().size())
                .description("Deployments whose /health the monitor probes")
                .register(meters);
        return fleet;
    }

    @Produces
    @Singleton
    StageTracker stageTracker(MonitorConfig config) {
        return new StageTracker(config.stuckAfter());
    }

    @Produces
    @Singleton
    IncidentDesk incidentDesk(MonitorConfig config, MonitorStore store, MeterRegistry meters) {
        MonitorConfig.Ladder ladder = config.ladder();
        return new IncidentDesk(new LadderPolicy(ladder.maxRestarts(), ladder.restartWindow(), ladder.budget(),
                ladder.backoffBase(), ladder.backoffMax()), config.remediationTimeout(), store,
                new IncidentMeters(meters));
    }

    @Produces
    @Singleton
    HealthProber healthProber(MonitorConfig config) {
        return new HealthProber(config.probeTimeout());
    }

    @Produces
    @Singleton
    ProbeRound probeRound(Fleet fleet, HealthProber prober, IncidentDesk desk, Clock clock, MonitorConfig config) {
        return new ProbeRound(fleet, prober, desk, clock, new ProbeRound.Cadence(config.steadyProbeInterval(),
                config.steadyAfter(), config.scrapeInterval()));
    }
}
