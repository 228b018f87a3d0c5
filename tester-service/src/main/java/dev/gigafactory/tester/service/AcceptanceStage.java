package dev.gigafactory.tester.service;

import dev.gigafactory.contracts.acceptance.AcceptanceRunner;
import dev.gigafactory.contracts.acceptance.Deadline;
import dev.gigafactory.contracts.acceptance.Excerpts;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.product.ProductStartException;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.tester.robustness.RobustnessSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts the built product from its jar in the sandbox, runs the spec's acceptance cases against it, then the
 * generated robustness suite, and always stops it.
 */
final class AcceptanceStage {

    private final AcceptanceRunner runner;
    private final RobustnessStage robustness;
    private final ChildProcesses processes;
    private final GateSettings settings;

    AcceptanceStage(AcceptanceRunner runner, ChildProcesses processes, GateSettings settings) {
        this.runner = runner;
        this.robustness = new RobustnessStage(settings.requestTimeout());
        this.processes = processes;
        this.settings = settings;
    }

    /**
     * A jdk-http product from its jar; with {@code tests}, its JVM runs its own tests too, and {@code beforeStop} runs
     * before it is stopped (to wait for them).
     */
    void run(Workspace workspace, byte[] jar, String mainClass, InJvmTests tests, ServiceSpec spec,
            Deadline deadline, RunReport report, Runnable beforeStop) throws java.io.IOException {
        Path jarFile = workspace.resolve("product.jar");
        Files.write(jarFile, jar);
        ProductRun.Launch launch = ProductRun.Launch.jdkHttp(jarFile, mainClass);
        if (tests != null) {
            // on the class path from the start, filled while the product starts (see ProductBuild#runUnitTests)
            launch = launch.withTests(Files.createDirectories(workspace.resolve(ProductBuild.TEST_CLASSES)), tests);
        }
        run(workspace, launch, tests, spec, deadline, report, beforeStop);
    }

    /** The same for a product already on disk, whatever its stack: how it is started is {@code launch}'s. */
    void run(Workspace workspace, ProductRun.Launch launch, ServiceSpec spec, Deadline deadline, RunReport report) {
        run(workspace, launch, null, spec, deadline, report, () -> {
        });
    }

    private void run(Workspace workspace, ProductRun.Launch launch, InJvmTests tests, ServiceSpec spec,
            Deadline deadline, RunReport report, Runnable beforeStop) {
        long started = System.nanoTime();
        ProductRun product;
        try {
            product = ProductRun.start(processes, workspace, launch, deadline.cap(settings.startTimeout()));
        } catch (ProductStartException e) {
            report.fail("the product did not start: " + e.getMessage(), e.logExcerpt());
            return;
        } finally {
            report.phaseDone("start", started);
        }
        if (tests != null) {
            tests.running(product.relayDir(), product::alive);
        }
        try {
            started = System.nanoTime();
            List<CaseResult> cases = runner.run(product.baseUrl(), spec.spec().acceptance(), deadline);
            report.addCases(cases);
            failIfAny(cases, "acceptance", product, report);
            report.phaseDone("acceptance", started);
            if (settings.robustness() && !report.failed()) {
                started = System.nanoTime();
                List<CaseResult> probes = robustness.run(product.baseUrl(), RobustnessSuite.of(spec), deadline,
                        product::alive);
                report.addCases(probes);
                failIfAny(probes, "robustness", product, report);
                report.phaseDone("robustness", started);
            }
        } finally {
            try {
                beforeStop.run();
            } finally {
                started = System.nanoTime();
                product.close();
                processes.ended(product.pid());
                report.phaseDone("stop", started);
            }
        }
    }

    private static void failIfAny(List<CaseResult> cases, String kind, ProductRun product, RunReport report) {
        List<String> failed = cases.stream().filter(c -> !c.passed()).map(AcceptanceStage::describe).toList();
        if (failed.isEmpty()) {
            return;
        }
        String stopped = product.stoppedReason();
        String reason = failed.size() + " of " + cases.size() + " " + kind + " cases failed: "
                + String.join("; ", failed);
        report.fail(stopped == null ? reason : stopped + "; " + reason, product.logTail());
    }

    private static String describe(CaseResult result) {
        return result.steps().stream().filter(step -> !step.passed()).findFirst()
                .map(step -> "'" + result.name() + "' step " + step.index() + " (" + step.method() + " "
                        + step.path() + ") " + step.message())
                .map(text -> Excerpts.head(text, 400))
                .orElse("'" + result.name() + "'");
    }
}
