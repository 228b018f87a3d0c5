package dev.gigafactory.monitor.service;

import dev.gigafactory.contracts.events.IncidentDetected.Kind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** Time to detect (first sign of trouble → incident) and time to heal (incident → healthy again), by kind. */
public final class IncidentMeters {

    private final MeterRegistry registry;

    public IncidentMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void detected(Kind kind, Duration elapsed) {
        timer("factory.time.to.detect", "From the first failed probe (or stage deadline) to the incident", kind)
                .record(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }

    public void healed(Kind kind, Duration elapsed) {
        timer("factory.time.to.heal", "From the incident to the first healthy probe after remediation", kind)
                .record(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }

    public Timer timer(String name, String description, Kind kind) {
        return Timer.builder(name).description(description).tag("kind", kind.name())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(100))
                .maximumExpectedValue(Duration.ofMinutes(30))
                .register(registry);
    }
}
