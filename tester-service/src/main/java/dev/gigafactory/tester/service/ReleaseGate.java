package dev.gigafactory.tester.service;

import dev.gigafactory.contracts.acceptance.AcceptanceRunner;
import dev.gigafactory.contracts.acceptance.Deadline;
import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.tester.domain.ProductManifest;
import dev.gigafactory.tester.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The release gate: a generated source tree in, a verdict out. Build it, run its own tests, start it, run the
 * spec's acceptance cases and the generated robustness suite against it, everything it runs confined in the
 * {@link Sandbox} (compiling runs no product code: annotation processing is off); only a jar that passed all of that goes to the artifact store. Every problem
 * with the product is a failed verdict saying what went wrong; only broken infrastructure (an unwritable work dir)
 * throws.
 */
public final class ReleaseGate implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ReleaseGate.class.getName());

    private final ArtifactStore store;
    private final GateSettings settings;
    private final Sandbox sandbox;
    private final ChildProcesses processes;
    private final ProductBuild build;
    private final AcceptanceStage acceptance;
    private volatile boolean closed;

    public ReleaseGate(ArtifactStore store, GateSettings settings) {
        this(store, settings, new ChildProcesses(Sandbox.of(settings.sandbox(), settings.limits(),
                settings.workDir().resolve("sandbox")), System.getenv()));
    }

    /** With the sandbox and the environment given (tests plant fake secrets, or a missing bubblewrap). */
    ReleaseGate(ArtifactStore store, GateSettings settings, ChildProcesses processes) {
        this.store = store;
        this.settings = settings;
        this.sandbox = processes.sandbox();
        sandbox.unavailable().ifPresent(reason -> LOG.log(System.Logger.Level.ERROR,
                "no sandbox: every run will fail until it is fixed (or tester.sandbox=none is set): " + reason));
        this.processes = processes;
        this.build = new ProductBuild(new JavaBuild(), new UnitTestRunner(processes), settings);
        this.acceptance = new AcceptanceStage(new AcceptanceRunner(settings.requestTimeout()), processes, settings);
    }

    public TestsCompleted test(CodeGenerated code) {
        long started = System.nanoTime();
        Deadline deadline = Deadline.after(settings.runTimeout());
        RunReport report = new RunReport();
        // Untrusted code never runs unconfined by accident: only an explicit tester.sandbox=none allows that.
        sandbox.unavailable().ifPresent(reason -> report.fail("sandbox unavailable: " + reason, null));
        if (!report.failed()) {
            sourceTree(code, report).ifPresent(tree -> buildAndRun(code, tree, deadline, report));
        }
        if (closed) {
            // its processes were killed under it: whatever it saw says nothing about the code
            throw new IllegalStateException("the tester stopped while testing " + code.spec() + " v" + code.version()
                    + " attempt " + code.attempt() + "; no verdict");
        }
        String artifactDigest = report.failed() ? null : store.put(report.jar());
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        return new TestsCompleted(code.spec(), code.version(), code.attempt(), !report.failed(), code.sourceDigest(),
                artifactDigest, report.cases(), report.failure(), report.logExcerpt(), durationMs, code.document());
    }

    /** Kills whatever a run in flight has started; the run's record is redelivered after a restart. */
    @Override
    public void close() {
        closed = true;
        processes.killAll();
    }

    private Optional<SourceTree> sourceTree(CodeGenerated code, RunReport report) {
        if (code.document() == null || code.document().spec() == null) {
            report.fail("the event carries no spec document to test against", null);
            return Optional.empty();
        }
        Optional<byte[]> packed = store.get(code.sourceDigest());
        if (packed.isEmpty()) {
            report.fail("source tree " + code.sourceDigest() + " is not in the artifact store", null);
            return Optional.empty();
        }
        try {
            return Optional.of(SourceTree.unpack(packed.get()));
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
        try (Workspace workspace = Workspace.create(settings.workDir(), label)) {
            byte[] jar = build.build(workspace, tree, manifest.manifest(), deadline, report);
            if (jar != null) {
                acceptance.run(workspace, jar, code.document(), deadline, report);
                report.passedWith(jar);
            }
            if (report.failed() && settings.keepFailedWorkspace()) {
                workspace.keep();
                LOG.log(System.Logger.Level.INFO, "kept the failed run's workspace " + workspace.root());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the tester cannot use its work dir " + settings.workDir(), e);
        }
    }
}
