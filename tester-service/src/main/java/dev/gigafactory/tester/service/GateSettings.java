package dev.gigafactory.tester.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The gate's limits and places, as plain values (the Quarkus config maps onto this; tests build it directly). */
public record GateSettings(Path workDir, Duration compileTimeout, Duration unitTestTimeout, Duration startTimeout,
        Duration requestTimeout, Duration runTimeout, boolean keepFailedWorkspace, List<String> wrapper) {

    public static GateSettings defaults(Path workDir) {
        return new GateSettings(workDir, Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofSeconds(180), false, List.of());
    }

    public GateSettings withStartTimeout(Duration timeout) {
        return new GateSettings(workDir, compileTimeout, unitTestTimeout, timeout, requestTimeout, runTimeout,
                keepFailedWorkspace, wrapper);
    }

    public GateSettings withRequestTimeout(Duration timeout) {
        return new GateSettings(workDir, compileTimeout, unitTestTimeout, startTimeout, timeout, runTimeout,
                keepFailedWorkspace, wrapper);
    }

    public GateSettings withRunTimeout(Duration timeout) {
        return new GateSettings(workDir, compileTimeout, unitTestTimeout, startTimeout, requestTimeout, timeout,
                keepFailedWorkspace, wrapper);
    }

    public GateSettings keepingFailedWorkspaces() {
        return new GateSettings(workDir, compileTimeout, unitTestTimeout, startTimeout, requestTimeout, runTimeout,
                true, wrapper);
    }
}
