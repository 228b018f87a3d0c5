package dev.gigafactory.tester.service;

import dev.gigafactory.contracts.acceptance.Deadline;
import dev.gigafactory.contracts.acceptance.Excerpts;
import dev.gigafactory.contracts.acceptance.ProductClient;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.events.TestsCompleted.StepResult;
import dev.gigafactory.contracts.product.QuarkusManifest;
import dev.gigafactory.sandbox.DatabaseBridge;
import dev.gigafactory.sandbox.OutputGuard;
import dev.gigafactory.sandbox.Sandbox;
import dev.gigafactory.sandbox.SandboxedMaven;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quarkus product's {@code mvn verify}, offline in a jail of build limits, its tests reaching the run's database
 * through the relay: compiles, runs the product's own tests (reported as one case, like a jdk-http product's unit
 * tests) and packages the fast-jar. The run's deadline caps it, so a hanging build is a failed verdict, not a stuck
 * tester.
 */
final class QuarkusBuild {

    private static final Pattern TESTS_RUN = Pattern.compile("Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+)");
    // surefire's summary names each failing test: "[ERROR]   TodoResourceTest.createsATodo:42 expected ..."
    private static final Pattern FAILED_TEST = Pattern.compile("(?m)^\\[ERROR\\] {2,}(\\S+\\.\\S+?)(:\\d+)?( .*)?$");

    private final Sandbox sandbox;
    private final SandboxedMaven maven;
    private final ChildProcesses processes;

    QuarkusBuild(Sandbox sandbox, SandboxedMaven maven, ChildProcesses processes) {
        this.sandbox = sandbox;
        this.maven = maven;
        this.processes = processes;
    }

    /** Builds {@code project} into {@code buildDir}; false when the report now says why there is nothing to run. */
    boolean verify(Path project, Path buildDir, InetSocketAddress database, Map<String, String> datasource,
            Deadline deadline, RunReport report) throws IOException {
        long started = System.nanoTime();
        Path relayDir = Files.createTempDirectory("gf-build-");
        Path log = buildDir.resolveSibling("build.log");
        Files.createDirectories(buildDir);
        try (DatabaseBridge bridge = DatabaseBridge.open(relayDir, database)) {
            Sandbox.Jail jail = maven.jail(project, buildDir).reachingDatabase(relayDir, ProductRun.DATABASE_PORT);
            Map<String, String> variables = new HashMap<>(SandboxedMaven.environment(sandbox.limits()));
            variables.putAll(datasource);
            Process process = processes
                    .builder(sandbox.wrap(jail, maven.command(project, buildDir, List.of(QuarkusManifest.VERIFY))),
                            buildDir.getParent(), variables)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            processes.started(process.pid());
            try (OutputGuard guard = OutputGuard.watch(log, sandbox.limits().outputBytes(), process)) {
                boolean finished = await(process, deadline);
                report.phaseDone("maven verify", started);
                return outcome(finished ? process.exitValue() : null, guard.tripped(), log, deadline, report);
            } finally {
                ChildProcesses.kill(process);
                processes.ended(process.pid());
            }
        } finally {
            Workspace.delete(relayDir);
        }
    }

    private static boolean await(Process process, Deadline deadline) {
        try {
            return process.waitFor(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean outcome(Integer exit, boolean flooded, Path log, Deadline deadline, RunReport report)
            throws IOException {
        String output = Files.readString(log);
        Matcher totals = TESTS_RUN.matcher(output);
        String lastTotals = null;
        while (totals.find()) {
            lastTotals = totals.group();
        }
        String problem = flooded
                ? "the build wrote more than the output limit and was stopped"
                : exit == null
                        ? "the build did not finish within " + ProductClient.seconds(deadline.budget())
                        : exit != 0 ? "the build failed (mvn verify exited with " + exit + ")" : null;
        List<String> failedTests = FAILED_TEST.matcher(output).results().map(m -> m.group(1)).distinct().toList();
        if (lastTotals != null) {
            boolean passed = problem == null;
            String message = passed
                    ? "ok: " + lastTotals
                    : failedTests.isEmpty() ? problem : "failed: " + String.join(", ", failedTests);
            report.addCase(new CaseResult(ProductBuild.UNIT_TESTS_CASE, passed, List.of(new StepResult(0, "MAVEN",
                    QuarkusManifest.VERIFY, 0, exit, passed, Excerpts.head(message, 400), 0))));
        }
        if (problem == null) {
            return true;
        }
        String reason = failedTests.isEmpty()
                ? problem
                : "the product's own tests failed: " + String.join(", ", failedTests);
        report.fail(Excerpts.head(reason, 1000), Excerpts.tail(output));
        return false;
    }
}
