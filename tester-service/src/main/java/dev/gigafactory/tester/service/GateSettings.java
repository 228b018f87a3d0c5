package dev.gigafactory.tester.service;

import dev.gigafactory.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The gate's limits and places, as plain values (the Quarkus config maps onto this; tests build it directly).
 * {@code bubblewrap} is the executable the sandbox runs; {@code minFreeDiskMib} the free space under the work dir
 * below which the gate does not start a run (it waits: a full disk is the tester's outage, not the product's fault).
 */
public record GateSettings(Path workDir, Duration compileTimeout, Duration unitTestTimeout, Duration startTimeout,
        Duration requestTimeout, Duration runTimeout, boolean keepFailedWorkspace, Sandbox.Mode sandbox,
        Sandbox.Limits limits, boolean robustness, String bubblewrap, long minFreeDiskMib) {

    /** Production defaults: bubblewrap required, robustness suite on. */
    public static GateSettings defaults(Path workDir) {
        return new GateSettings(workDir, Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofSeconds(180), false, Sandbox.Mode.BWRAP,
                Sandbox.Limits.defaults(), true, "bwrap", 256);
    }

    public GateSettings withStartTimeout(Duration timeout) {
        return new GateSettings(workDir, compileTimeout, unitTestTimeout, timeout, requestTimeout, runTimeout,
                keepFailedWorkspace, sandbox, limits, robustness, bubblewrap, minFreeDiskMib);
    }

    public GateSettings withRequestTimeout(Duration timeout) {
        return new GateSettings(workDir, compileTimeout, unitTestTimeout, startTimeout, timeout, runTimeout,
                keepFailedWorkspace, sandbox, limits, robustness, bubblewrap, minFreeDiskMib);
    }

    public GateSettings withRunTimeout(Duration timeout) {
        return new GateSettings(workDir, compileTimeout, unitTestTimeout, startTimeout, requestTimeout, timeout,
                keepFailedWorkspace, sandbox, limits, robustness, bubblewrap, minFreeDiskMib);
    }

    public GateSettings keepingFailedWorkspaces() {
        return new GateSettings(workDir, compileTimeout, unitTestTimeout, startTimeout, requestTimeout, runTimeout,
                true, sandbox, limits, robustness, bubblewrap, minFreeDiskMib);
    }

    public GateSettings withSandbox(Sandbox.Mode mode) {
        return new GateSettings(workDir, compileTimeout, unitTestTimeout, startTimeout, requestTimeout, runTimeout,
                keepFailedWorkspace, mode, limits, robustness, bubblewrap, minFreeDiskMib);
    }

    public GateSettings withLimits(Sandbox.Limits newLimits) {
        return new GateSettings(workDir, compileTimeout, unitTestTimeout, startTimeout, requestTimeout, runTimeout,
                keepFailedWorkspace, sandbox, newLimits, robustness, bubblewrap, minFreeDiskMib);
    }

    public GateSettings withBubblewrap(String executable) {
        return new GateSettings(workDir, compileTimeout, unitTestTimeout, startTimeout, requestTimeout, runTimeout,
                keepFailedWorkspace, sandbox, limits, robustness, executable, minFreeDiskMib);
    }

    public GateSettings withMinFreeDiskMib(long mib) {
        return new GateSettings(workDir, compileTimeout, unitTestTimeout, startTimeout, requestTimeout, runTimeout,
                keepFailedWorkspace, sandbox, limits, robustness, bubblewrap, mib);
    }

    /** Only the spec's own acceptance cases: for fixtures that implement just enough to pass those. */
    public GateSettings withoutRobustness() {
        return new GateSettings(workDir, compileTimeout, unitTestTimeout, startTimeout, requestTimeout, runTimeout,
                keepFailedWorkspace, sandbox, limits, false, bubblewrap, minFreeDiskMib);
    }
}
