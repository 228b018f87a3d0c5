package dev.gigafactory.tester.service;

import dev.gigafactory.contracts.acceptance.Deadline;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.product.ProductJar;
import dev.gigafactory.contracts.product.ProductStartException;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.sandbox.JvmBudget;
import dev.gigafactory.sandbox.Sandbox;
import dev.gigafactory.sandbox.SandboxedMaven;
import dev.gigafactory.tester.domain.ProductManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The gate's path for a {@code quarkus} product: a throw-away database for the run, the product's own
 * {@code mvn verify} against it ({@link QuarkusBuild}), then the built fast-jar started with the same database and put
 * through the spec's acceptance cases and the robustness suite exactly as a jdk-http product ({@link AcceptanceStage}).
 * A tester without a database, a Maven distribution or a working build sandbox cannot run it: the record waits.
 */
final class QuarkusGate {

    private final Optional<GateDatabase> database;
    private final Sandbox buildSandbox;
    private final AcceptanceStage acceptance;
    private final ChildProcesses processes;

    QuarkusGate(Optional<GateDatabase> database, GateSettings settings, ChildProcesses processes,
            AcceptanceStage acceptance) {
        this.database = database;
        // Maven and the JVMs it forks need the build's limits, not a product's: a sandbox of their own
        this.buildSandbox = Sandbox.of(settings.sandbox(), Sandbox.Limits.forBuild(),
                settings.workDir().resolve("sandbox-build"), settings.bubblewrap());
        this.acceptance = acceptance;
        this.processes = processes;
    }

    /** The built jar (in the workspace) when the product passed everything, else null and the report says why. */
    Path run(Workspace workspace, SourceTree tree, ProductManifest manifest, ServiceSpec spec, Deadline deadline,
            RunReport report) throws IOException {
        GateDatabase gateDatabase = database.orElseThrow(() -> new GateUnavailableException(
                "the tester has no database for quarkus products (configure tester.database.url, username, password)"));
        SandboxedMaven maven = SandboxedMaven.ofUserHome(Path.of(System.getProperty("user.home")))
                .orElseThrow(() -> new GateUnavailableException(
                        "no Maven distribution and repository under ~/.m2 to build quarkus products offline"));
        buildSandbox.unavailable().ifPresent(reason -> {
            throw new GateUnavailableException(reason);
        });
        Path project = workspace.resolve("src");
        tree.writeTo(project);
        Path buildDir = workspace.resolve("build");
        try (GateDatabase.Lease lease = gateDatabase.lease()) {
            var datasource = buildSandbox.isolatesNetwork()
                    ? lease.environment("127.0.0.1", ProductRun.DATABASE_PORT)
                    : lease.environment(gateDatabase.address().getHostString(), gateDatabase.address().getPort());
            QuarkusBuild build = new QuarkusBuild(buildSandbox, maven, processes);
            if (!build.verify(project, buildDir, gateDatabase.address(), datasource, deadline, report)) {
                return null;
            }
            Path jar = buildDir.resolve(manifest.runJar());
            if (!Files.isRegularFile(jar)) {
                report.fail("the build left no " + manifest.runJar() + " to run", null);
                return null;
            }
            // a Quarkus JVM needs more than a jdk-http product's 64 MiB: sized to the product's address-space limit
            String mainClass;
            try {
                mainClass = ProductJar.mainClass(jar);
            } catch (ProductStartException e) {
                report.fail(e.getMessage(), null);
                return null;
            }
            ProductRun.Launch launch = new ProductRun.Launch(jar, mainClass,
                    JvmBudget.within(processes.sandbox().limits().memoryBytes()).productOptions(), datasource,
                    gateDatabase.address(), List.of());
            acceptance.run(workspace, launch, spec, deadline, report);
            return report.failed() ? null : jar;
        }
    }
}
