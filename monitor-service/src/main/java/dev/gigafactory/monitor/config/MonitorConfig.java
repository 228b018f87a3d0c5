package dev.gigafactory.monitor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "monitor")
public interface MonitorConfig {

    /** How often every live deployment's /health is probed (read by the scheduler as {@code monitor.probe-interval}). */
    @WithDefault("1s")
    String probeInterval();

    /** How long one probe may take before it counts as a failure. */
    @WithDefault("1s")
    Duration probeTimeout();

    /** Consecutive failed probes that make an outage; one slow answer is not an incident. */
    @WithDefault("2")
    int failureThreshold();
}
