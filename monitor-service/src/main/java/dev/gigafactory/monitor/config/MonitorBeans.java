package dev.gigafactory.monitor.config;

import dev.gigafactory.monitor.service.Fleet;
import dev.gigafactory.monitor.service.HealthProber;
import dev.gigafactory.monitor.service.ProbeRound;
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
    Fleet fleet(MonitorConfig config, MeterRegistry meters) {
        Fleet fleet = new Fleet(config.failureThreshold());
        Gauge.builder("factory.monitored.deployments", fleet, watched -> watched.live().size())
                .description("Deployments whose /health the monitor probes")
                .register(meters);
        return fleet;
    }

    @Produces
    @Singleton
    HealthProber healthProber(MonitorConfig config) {
        return new HealthProber(config.probeTimeout());
    }

    @Produces
    @Singleton
    ProbeRound probeRound(Fleet fleet, HealthProber prober) {
        return new ProbeRound(fleet, prober, Clock.systemUTC());
    }
}
