package dev.gigafactory.tester.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How long each stage of the release gate may take, and what is kept for a human to look at afterwards. */
@ConfigMapping(prefix = "tester")
public interface TesterConfig {

    /** Compiling the main and test sources, each. */
    @WithDefault("60s")
    Duration compileTimeout();

    /** The product's own unit tests, run in their own JVM. */
    @WithDefault("60s")
    Duration unitTestTimeout();

    /** From launching the product until it has printed its port and answers /health. */
    @WithDefault("30s")
    Duration startTimeout();

    /** One acceptance request, connect to last byte. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** The whole run, fetch to verdict: a product that hangs costs at most this. */
    @WithDefault("180s")
    Duration runTimeout();

    /** Keep a failed run's workspace (sources, classes, product log) under the work dir for inspection. */
    @WithDefault("false")
    boolean keepFailedWorkspace();

    /** Command prefixed to every process the gate starts (a sandbox such as bubblewrap); empty runs it directly. */
    Optional<List<String>> wrapper();
}
