package dev.gigafactory.tester.service;

import dev.gigafactory.contracts.acceptance.Excerpts;
import dev.gigafactory.contracts.acceptance.AcceptanceRunner;
import dev.gigafactory.contracts.acceptance.Deadline;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.product.ProductProcess;
import dev.gigafactory.contracts.product.ProductStartException;
import dev.gigafactory.contracts.spec.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Starts the built product from its jar, runs the spec's acceptance cases against it, and always stops it. */
final class AcceptanceStage {

    private static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private final AcceptanceRunner runner;
    private final ChildProcesses processes;
    private final GateSettings settings;

    AcceptanceStage(AcceptanceRunner runner, ChildProcesses processes, GateSettings settings) {
        this.runner = runner;
        this.processes = processes;
        this.settings = settings;
    }

    void run(Workspace workspace, byte[] jar, ServiceSpec spec, Deadline deadline, RunReport report)
            throws java.io.IOException {
        Path jarFile = workspace.resolve("product.jar");
        Files.write(jarFile, jar);
        Path log = workspace.resolve("product.log");
        ProductProcess.Launch launch = ProductProcess.Launch.of(jarFile, workspace.resolve("data"), log)
                .withWrapper(processes.wrapper())
                .withReadyTimeout(deadline.cap(settings.startTimeout()));
        ProductProcess product;
        try {
            product = ProductProcess.start(launch);
        } catch (ProductStartException e) {
            report.fail("the product did not start: " + e.getMessage(), e.logExcerpt());
            return;
        }
        processes.started(product.pid());
        try {
            List<CaseResult> cases = runner.run(product.baseUrl(), spec.spec().acceptance(), deadline);
            report.addCases(cases);
            List<String> failed = cases.stream().filter(c -> !c.passed()).map(AcceptanceStage::describe).toList();
            if (!failed.isEmpty()) {
                report.fail(failed.size() + " of " + cases.size() + " acceptance cases failed: "
                        + String.join("; ", failed), Excerpts.tailOf(log));
            }
        } finally {
            product.stop(STOP_GRACE);
            processes.ended(product.pid());
        }
    }

    private static String describe(CaseResult result) {
        return result.steps().stream().filter(step -> !step.passed()).findFirst()
                .map(step -> "'" + result.name() + "' step " + step.index() + " (" + step.method() + " "
                        + step.path() + ") " + step.message())
                .map(text -> Excerpts.head(text, 400))
                .orElse("'" + result.name() + "'");
    }
}
