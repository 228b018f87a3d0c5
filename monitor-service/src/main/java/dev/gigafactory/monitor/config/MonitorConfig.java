package dev.gigafactory.monitor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "monitor")
public interface MonitorConfig {

    /** How often every live deployment is probed (read by the scheduler as {@code monitor.probe-interval}). */
    @WithDefault("1s")
    String probeInterval();

    /**
     * How often a deployment is probed once it has answered {@code steady-after} probes in a row. Its crash does not
     * wait for a probe (the deployer reports a product's exit the moment it happens, and the monitor probes it then),
     * so steady probes are there for what only a probe sees: a product that runs but no longer answers. A probe that
     * fails puts it back on {@code probe-interval}.
     */
    @WithDefault("3s")
    Duration steadyProbeInterval();

    /** Healthy probes in a row, at {@code probe-interval}, before a deployment is probed at the steady interval. */
    @WithDefault("5")
    int steadyAfter();

    /** How long one probe may take before it counts as a failure. */
    @WithDefault("1s")
    Duration probeTimeout();

    /**
     * How often a healthy deployment's {@code /metrics} is read for its SLO window. Every probe would double the
     * requests each product, the deployer's proxy and the monitor serve each second, for counters that are cumulative.
     */
    @WithDefault("5s")
    Duration scrapeInterval();

    /** Consecutive failed probes that make an outage; one slow answer is not an incident. */
    @WithDefault("2")
    int failureThreshold();

    /** The sliding window the SLO is evaluated over. */
    @WithDefault("60s")
    Duration sloWindow();

    /** Requests (plus failed probes) a window needs before its SLO is judged: three slow requests are no breach. */
    @WithDefault("20")
    long minRequests();

    /** How long a spec version may stay in one non-terminal pipeline stage before it is stuck. */
    @WithDefault("10m")
    Duration stuckAfter();

    /** How long an announced remediation may take to arrive before the ladder climbs past it. */
    @WithDefault("60s")
    Duration remediationTimeout();

    /** How far back the incident history is read to rebuild the ladders after a restart. */
    @WithDefault("24h")
    Duration historyHorizon();

    Ladder ladder();

    interface Ladder {

        /** Restarts of one version within {@code restart-window} before it is rolled back. */
        @WithDefault("2")
        int maxRestarts();

        @WithDefault("10m")
        Duration restartWindow();

        /** Automated actions per version before a human is called (ESCALATE). */
        @WithDefault("4")
        int budget();

        /** Pause after the first action, doubled after each further one, capped at {@code backoff-max}. */
        @WithDefault("2s")
        Duration backoffBase();

        @WithDefault("2m")
        Duration backoffMax();
    }
}
