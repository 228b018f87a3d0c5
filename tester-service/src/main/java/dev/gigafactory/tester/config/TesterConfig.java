package dev.gigafactory.tester.config;

import dev.gigafactory.sandbox.Sandbox;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
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

    /**
     * Where generated code runs: {@code bwrap} (bubblewrap; while it is missing or broken the tester is not ready and
     * every record waits, its attempt unspent) or {@code none}, which runs it unconfined and must be asked for
     * explicitly.
     */
    @WithDefault("bwrap")
    Sandbox.Mode sandbox();

    /** The bubblewrap executable: a name looked up on PATH, or a path. */
    @WithDefault("bwrap")
    String bubblewrap();

    /** Below this much free space (MiB) under the work dir no run starts: records wait until there is room. */
    @WithDefault("256")
    long minFreeDiskMib();

    /** CPU time each sandboxed process (unit-test JVM, product) may use. */
    @WithDefault("120s")
    Duration cpuLimit();

    /** Address space each sandboxed process may map (ulimit -v), in MiB; the JVM flags keep Java inside it. */
    @WithDefault("1024")
    long memoryLimitMib();

    /** A process whose log grows past this many MiB is stopped and the run fails. */
    @WithDefault("8")
    long outputLimitMib();

    /** Size of each writable scratch tmpfs in the sandbox (data dir, /tmp), in MiB. */
    @WithDefault("64")
    long scratchLimitMib();

    /** Run the generated robustness suite after the acceptance cases. */
    @WithDefault("true")
    boolean robustness();

    /** How many times the compiler compiles a sample program after startup, while idle (0: no warm-up). */
    @WithDefault("20")
    int warmUpRounds();

    /**
     * The admin datasource quarkus products get their throw-away database and role from, one per run, dropped after
     * it; without it the tester cannot test a quarkus product and such records wait.
     */
    Optional<Database> database();

    interface Database {

        /** A PostgreSQL JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/postgres. */
        String url();

        /** A role that may create databases and roles. */
        String username();

        Optional<String> password();
    }
}
