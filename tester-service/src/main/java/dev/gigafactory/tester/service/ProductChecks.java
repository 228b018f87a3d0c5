package dev.gigafactory.tester.service;

import dev.gigafactory.contracts.acceptance.Deadline;
import dev.gigafactory.contracts.spec.ServiceSpec;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Everything the gate runs of a built product: its own tests (compiled, then run in one sandboxed JVM) and, at the
 * same time, the product itself in another for the acceptance and robustness stages. Neither depends on the other, so the gate takes as
 * long as the longer of the two instead of their sum. The report reads as if they had run in turn: the unit tests'
 * case first, and when they failed, nothing after it (the product's stages would not have run).
 */
final class ProductChecks {

    private static final ExecutorService UNIT_TESTS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tester-unit-tests");
        thread.setDaemon(true);
        return thread;
    });

    private final ProductBuild build;
    private final AcceptanceStage acceptance;

    ProductChecks(ProductBuild build, AcceptanceStage acceptance) {
        this.build = build;
        this.acceptance = acceptance;
    }

    void run(Workspace workspace, ProductBuild.Built built, String mainClass, ServiceSpec spec, Deadline deadline,
            RunReport report) throws IOException {
        RunReport unitTests = new RunReport();
        Future<?> running = built.testClass() == null
                ? CompletableFuture.completedFuture(null)
                : UNIT_TESTS.submit(() -> build.runUnitTests(workspace, built, deadline, unitTests));
        RunReport blackBox = new RunReport();
        try {
            acceptance.run(workspace, built.jar(), mainClass, spec, deadline, blackBox);
        } finally {
            await(running);
        }
        report.append(unitTests);
        if (!unitTests.failed()) {
            report.append(blackBox);
        }
    }

    private static void await(Future<?> running) {
        try {
            running.get();
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("the unit tests could not be run", e.getCause());
        }
    }
}
