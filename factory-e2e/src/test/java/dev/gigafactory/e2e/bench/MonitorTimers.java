package dev.gigafactory.e2e.bench;

import dev.gigafactory.contracts.events.IncidentDetected.Kind;
import dev.gigafactory.devstack.launcher.Fleet;
import dev.gigafactory.e2e.FleetSupport;

/**
 * The monitor's own time to detect (first failed probe → incident) and time to heal (incident → first healthy probe
 * after the remediation) for one kind, as its /q/metrics sums and counts: the difference across one fault is that
 * fault's figure.
 */
record MonitorTimers(double detectSeconds, long detected, double healSeconds, long healed) {

    static MonitorTimers read(Fleet fleet, Kind kind) {
        String metrics = FleetSupport.getText(fleet.url("monitor-service").resolve("/q/metrics"));
        if (metrics == null) {
            throw new IllegalStateException("monitor-service /q/metrics did not answer");
        }
        return new MonitorTimers(value(metrics, "factory_time_to_detect_seconds_sum", kind),
                (long) value(metrics, "factory_time_to_detect_seconds_count", kind),
                value(metrics, "factory_time_to_heal_seconds_sum", kind),
                (long) value(metrics, "factory_time_to_heal_seconds_count", kind));
    }

    long detectMillisSince(MonitorTimers before) {
        return Math.round((detectSeconds - before.detectSeconds) * 1000);
    }

    long healMillisSince(MonitorTimers before) {
        return Math.round((healSeconds - before.healSeconds) * 1000);
    }

    private static double value(String metrics, String name, Kind kind) {
        return metrics.lines().filter(line -> line.startsWith(name + "{") && line.contains("kind=\"" + kind + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElse(0);
    }
}
