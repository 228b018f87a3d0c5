package dev.gigafactory.monitor.domain;

import dev.gigafactory.contracts.spec.Slo;
import java.time.Duration;
import java.util.Locale;

/** A spec's SLO measured over the sliding window, with the figures that make the evidence of a breach. */
public record SloVerdict(Slo slo, Duration window, long requests, long errors, long failedProbes,
        double availability, double p99Ms, boolean enoughTraffic) {

    public boolean availabilityBreached() {
        return enoughTraffic && availability < slo.availability().doubleValue();
    }

    public boolean latencyBreached() {
        return enoughTraffic && !Double.isNaN(p99Ms) && p99Ms > slo.latencyP99Ms();
    }

    public boolean breached() {
        return availabilityBreached() || latencyBreached();
    }

    public String evidence() {
        return String.format(Locale.ROOT,
                "over %ds: availability %.2f%% (target %s%%, %d requests, %d 5xx, %d failed probes), "
                        + "p99 %.0f ms (target %d ms)",
                window.toSeconds(), availability, slo.availability().toPlainString(), requests, errors, failedProbes,
                p99Ms, slo.latencyP99Ms());
    }
}
