package dev.gigafactory.tester.service;

import dev.gigafactory.contracts.acceptance.AcceptanceRunner;
import dev.gigafactory.contracts.acceptance.Deadline;
import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.codec.Digests;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.sandbox.Sandbox;
import dev.gigafactory.tester.domain.ProductManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The release gate: a generated source tree in, a verdict out. Build it, run its own tests while it starts it and runs the
 * spec's acceptance cases and the generated robustness suite against it, everything it runs confined in the
 * {@link Sandbox} (compiling runs no product code: annotation processing is off); only a jar that passed all of that
 * goes to the artifact store. Every problem with the product is a failed verdict saying what went wrong. A gate that
 * cannot run at all (no sandbox, a full disk, an unwritable work dir, sources not in the store) is the tester's
 * outage, not the product's: it throws {@link GateUnavailableException} and the record waits, its attempt unspent.
 */
public final class ReleaseGate implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ReleaseGate.class.getName());

    private final GateStore store;
    private final GateSettings settings;
    private final ChildProcesses processes;
    private final GateConditions conditions;
    private final ProductBuild build;
    private final ProductChecks checks;
    private final QuarkusGate quarkus;
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean closed;

    public ReleaseGate(ArtifactStore store, GateSettings settings) {
        this(store, settings, Optional.empty());
    }

    /** {@code database}: where quarkus products get their throw-away databases (without it they cannot be tested). */
    public ReleaseGate(ArtifactStore store, GateSettings settings, Optional<GateDatabase.Admin> database) {
        this(store, settings, new ChildProcesses(Sandbox.of(settings.sandbox(), settings.limits(),
                settings.workDir().resolve("sandbox"), settings.bubblewrap()), System.getenv()), database);
    }

    ReleaseGate(ArtifactStore store, GateSettings settings, ChildProcesses processes) {
        this(store, settings, processes, Optional.empty());
    }

    /** With the sandbox and the environment given (tests plant fake secrets, or a missing bubblewrap). */
    ReleaseGate(ArtifactStore store, GateSettings settings, ChildProcesses processes,
            Optional<GateDatabase.Admin> database) {
        this.settings = settings;
        this.processes = processes;
        this.conditions = new GateConditions(processes.sandbox(), settings.workDir(), settings.minFreeDiskMib());
        this.store = new GateStore(store, conditions);
        conditions.machineProblems(false).values().forEach(reason -> LOG.log(System.Logger.Level.ERROR,
                "the gate cannot run (records wait until it is fixed): " + reason));
        this.build = new ProductBuild(new JavaBuild(), new UnitTestRunner(processes), settings);
        AcceptanceStage acceptance = new AcceptanceStage(new AcceptanceRunner(settings.requestTimeout()), processes,
                settings);
        this.checks = new ProductChecks(build, acceptance, processes.sandbox().isolatesNetwork());
        this.quarkus = new QuarkusGate(database.map(GateDatabase::new), settings, processes, acceptance);
    }

    /** What keeps the gate from running now, for the readiness check. */
    public GateConditions conditions() {
        return conditions;
    }

    /**
     * The verdict on the code; throws {@link GateUnavailableException} when the gate cannot run it now (untrusted code
     * never runs unconfined by accident: only an explicit tester.sandbox=none allows that).
     */
    public TestsCompleted test(CodeGenerated code) {
        if (code.failure() != null) {
            return unwritten(code);
        }
        running.incrementAndGet();
        try {
            return runGate(code);
        } finally {
            running.decrementAndGet();
        }
    }

    /**
     * The coder could not write what the plan asks: nothing to test, and the attempt fails with its reason. No source
     * digest, so the planner does not take the incomplete tree for code that failed on its merits.
     */
    private static TestsCompleted unwritten(CodeGenerated code) {
        return new TestsCompleted(code.spec(), code.version(), code.attempt(), false, null, null, List.of(),
                "the coder could not write this attempt: " + code.failure(), "", 0, code.document(), code.agent());
    }

    /** True while a run is in flight (the compiler warm-up keeps out of its way). */
    public boolean busy() {
        return running.get() > 0;
    }

    private TestsCompleted runGate(CodeGenerated code) {
        long started = System.nanoTime();
        requireRunnable(conditions.machineProblems(false), null);
        Deadline deadline = Deadline.after(settings.runTimeout());
        RunReport report = new RunReport();
        sourceTree(code, report).ifPresent(tree -> buildAndRun(code, tree, deadline, report));
        if (closed) {
            // its processes were killed under it: whatever it saw says nothing about the code
            throw new IllegalStateException("the tester stopped while testing " + code.spec() + " v" + code.version()
                    + " attempt " + code.attempt() + "; no verdict");
        }
        String artifactDigest = report.artifactDigest();
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        LOG.log(System.Logger.Level.INFO, code.spec() + " v" + code.version() + " attempt " + code.attempt()
                + (report.failed() ? " failed" : " passed") + " in " + durationMs + " ms: " + report.phases());
        return new TestsCompleted(code.spec(), code.version(), code.attempt(), !report.failed(), code.sourceDigest(),
                artifactDigest, report.cases(), report.failure(), report.logExcerpt(), durationMs, code.document(),
                code.agent());
    }

    /** Kills whatever a run in flight has started; the run's record is redelivered after a restart. */
    @Override
    public void close() {
        closed = true;
        processes.killAll();
    }

    private static void requireRunnable(Map<String, String> problems, Throwable cause) {
        if (!problems.isEmpty()) {
            throw new GateUnavailableException(String.join("; ", problems.values()), cause);
        }
    }

    private Optional<SourceTree> sourceTree(CodeGenerated code, RunReport report) {
        if (code.document() == null || code.document().spec() == null) {
            report.fail("the event carries no spec document to test against", null);
            return Optional.empty();
        }
        if (!Digests.isValid(code.sourceDigest())) {
            // no store will ever hold it: the coder's mistake, not something to wait for
            report.fail("source digest " + code.sourceDigest() + " is not a sha256 digest", null);
            return Optional.empty();
        }
        byte[] packed = store.sources(code);
        try {
            return Optional.of(SourceTree.unpack(packed));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            report.fail("source tree " + code.sourceDigest() + " cannot be unpacked: " + e.getMessage(), null);
            return Optional.empty();
        }
    }

    private void buildAndRun(CodeGenerated code, SourceTree tree, Deadline deadline, RunReport report) {
        ProductManifest.Read manifest = ProductManifest.of(tree);
        if (manifest.problem() != null) {
            report.fail(manifest.problem(), null);
            return;
        }
        String label = code.spec() + "-v" + code.version() + "-a" + code.attempt();
        try (Workspace workspace = workspace(label)) {
            if (manifest.manifest().quarkus()) {
                Path jar = quarkus.run(workspace, tree, manifest.manifest(), code.document(), deadline, report);
                if (jar != null) {
                    // streamed from the workspace, before it goes: a quarkus product's jar is ~50 MB
                    report.storedAs(store.storeJar(code, jar));
                }
            } else {
                checkJdkHttp(workspace, tree, manifest.manifest(), code, deadline, report);
            }
            if (report.failed() && settings.keepFailedWorkspace()) {
                workspace.keep();
                LOG.log(System.Logger.Level.INFO, "kept the failed run's workspace " + workspace.root());
            }
        } catch (IOException e) {
            // a disk that filled up or a work dir that went away mid-run is an outage; anything else is a bug
            requireRunnable(conditions.machineProblems(true), e);
            throw new UncheckedIOException("the tester cannot use its work dir " + settings.workDir(), e);
        }
    }

    private void checkJdkHttp(Workspace workspace, SourceTree tree, ProductManifest manifest, CodeGenerated code,
            Deadline deadline, RunReport report) throws IOException {
        ProductBuild.Built built = build.build(workspace, tree, manifest, deadline, report);
        if (built != null) {
            checks.run(workspace, built, manifest.mainClass(), code.document(), deadline, report);
            if (!report.failed()) {
                report.storedAs(store.storeJar(code, built.jar()));
            }
        }
    }

    private Workspace workspace(String label) {
        try {
            return Workspace.create(settings.workDir(), label);
        } catch (UncheckedIOException e) {
            requireRunnable(conditions.machineProblems(true), e);
            // the cause's message names the random directory it tried: keep the reason the same on every retry
            throw new GateUnavailableException("cannot create a workspace under " + settings.workDir() + " ("
                    + e.getCause().getClass().getSimpleName() + ")", e);
        }
    }
}
