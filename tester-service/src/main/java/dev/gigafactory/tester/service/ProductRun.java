package dev.gigafactory.tester.service;

import dev.gigafactory.contracts.acceptance.Excerpts;
import dev.gigafactory.contracts.product.ProductContract;
import dev.gigafactory.contracts.product.ProductProcess;
import dev.gigafactory.contracts.product.ProductStartException;
import dev.gigafactory.sandbox.DatabaseBridge;
import dev.gigafactory.sandbox.LoopbackBridge;
import dev.gigafactory.sandbox.OutputGuard;
import dev.gigafactory.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The product under test, started from its jar inside the sandbox: ready once it has printed its port and answers
 * {@code /health} (through the loopback bridge when it has a network namespace of its own). Unlike the deployer's
 * {@code ProductProcess}, its log is watched from the first byte, so a product that floods its output before it is
 * even listening is stopped for that, and its log is read incrementally, never whole.
 */
final class ProductRun implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(3);

    /** The product's data dir, in its workspace. */
    static final String DATA = "data";
    /** The product's output, in its workspace. */
    static final String LOG = "product.log";

    /** The port of the jail's own loopback that leads to the product's database through the relay. */
    static final int DATABASE_PORT = 5432;

    /**
     * What to start: the jar (a jdk-http product's, or a quarkus product's uber-jar), its entry point, the JVM's
     * options, the product's own variables beyond PORT and the data dir, the database it reaches (null: none), and
     * what else goes on its class path (its compiled tests, for {@link InJvmTests}).
     */
    record Launch(Path jar, String mainClass, List<String> jvmOptions, Map<String, String> environment,
            InetSocketAddress database, List<Path> classpath) {

        static Launch jdkHttp(Path jar, String mainClass) {
            return new Launch(jar, mainClass, ChildProcesses.productJvmOptions("64m"), Map.of(), null, List.of());
        }

        /** The same product, running its own tests from {@code testClasses} as well ({@link InJvmTests}). */
        Launch withTests(Path testClasses, InJvmTests tests) {
            List<String> options = new ArrayList<>(jvmOptions);
            options.addAll(tests.jvmOptions());
            List<Path> more = new ArrayList<>(classpath);
            more.add(testClasses);
            return new Launch(jar, mainClass, List.copyOf(options), environment, database, List.copyOf(more));
        }
    }

    private final Process process;
    private final OutputGuard guard;
    private final LoopbackBridge bridge;
    private DatabaseBridge database;
    private final Path relayDir;
    private final Path log;
    private int port;

    private ProductRun(Process process, OutputGuard guard, LoopbackBridge bridge, Path relayDir, Path log) {
        this.process = process;
        this.guard = guard;
        this.bridge = bridge;
        this.relayDir = relayDir;
        this.log = log;
    }

    /** Starts the product and waits until it is ready; on failure everything it started is stopped again. */
    static ProductRun start(ChildProcesses processes, Workspace workspace, Launch launch, Duration readyTimeout)
            throws ProductStartException {
        Sandbox sandbox = processes.sandbox();
        Path data = workspace.resolve(DATA);
        Path log = workspace.resolve(LOG);
        Path relayDir = null;
        LoopbackBridge bridge = null;
        DatabaseBridge database = null;
        Sandbox.Jail jail = Sandbox.Jail.of(workspace.root(), data);
        try {
            Files.createDirectories(data);
            if (sandbox.isolatesNetwork()) {
                relayDir = Files.createTempDirectory("gf-net-");
                bridge = LoopbackBridge.open(Sandbox.relaySocket(relayDir));
                jail = jail.reachableOn(relayDir, bridge.port());
                if (launch.database() != null) {
                    database = DatabaseBridge.open(relayDir, launch.database());
                    jail = jail.reachingDatabase(relayDir, DATABASE_PORT);
                }
            }
            List<String> command = processes.javaWith(jail, launch.jvmOptions(),
                    sandbox.productArguments(jail, launch.jar(), launch.classpath(), launch.mainClass()));
            Map<String, String> variables = new HashMap<>(launch.environment());
            variables.put(ProductContract.ENV_PORT, Integer.toString(jail.port()));
            variables.put(ProductContract.ENV_DATA_DIR, data.toAbsolutePath().toString());
            Process process = processes.builder(command, workspace.root(), variables).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            processes.started(process.pid());
            OutputGuard guard = OutputGuard.watch(log, sandbox.limits().outputBytes(), process);
            ProductRun run = new ProductRun(process, guard, bridge, relayDir, log);
            run.database = database;
            try {
                run.port = new ProductReadiness(process, guard, log).await(jail.port(), readyTimeout);
                return run;
            } catch (ProductStartException e) {
                run.close();
                processes.ended(process.pid());
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            if (bridge != null) {
                bridge.close();
            }
            if (database != null) {
                database.close();
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException("cannot start the product in " + workspace.root(), (IOException) e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** Shared with the jail (see {@link Sandbox#insideRelayDir}). */
    Path relayDir() {
        return relayDir;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Non-null when the product has been stopped for writing too much output. */
    String stoppedReason() {
        return guard.tripped() ? ProductReadiness.outputExceeded(guard) : null;
    }

    String logTail() {
        return Excerpts.tailOf(log);
    }

    /**
     * SIGKILL to the JVMs in the sandbox (a run's data is thrown away: nothing to stop gracefully), whose shell then
     * ends with them and the sandbox with it; SIGTERM to the sandbox when it runs none. Not the sandbox first: its
     * JVMs, killed with it, are reaped by nobody who counts their CPU time; reaped by their own shell, it counts as
     * the tester's children's.
     */
    @Override
    public void close() {
        List<ProcessHandle> jvms = process.descendants().filter(ProductProcess::isJava).toList();
        jvms.forEach(ProcessHandle::destroyForcibly);
        if (jvms.isEmpty()) {
            process.destroy();
        }
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                ChildProcesses.kill(process);
            }
        } catch (InterruptedException e) {
            ChildProcesses.kill(process);
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        guard.close();
        if (bridge != null) {
            bridge.close();
        }
        if (database != null) {
            database.close();
        }
        if (relayDir != null) {
            Workspace.delete(relayDir);
        }
    }
}
