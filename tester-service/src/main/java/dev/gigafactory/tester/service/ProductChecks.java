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
 * Everything the gate runs of a built product: its own tests and, at the same time, the product itself for the
 * acceptance and robustness stages. The tests are compiled while the product starts, then run in the product's JVM
 * ({@link InJvmTests}: one JVM and one sandbox fewer per gate), which is stopped only once they are done; where that
 * cannot be, in a sandboxed JVM of their own. The report reads as if they had run in turn: the unit tests' case
 * first, and when they failed, nothing after it (the product's stages would not have run).
 */
final class ProductChecks {

    private static final ExecutorService UNIT_TESTS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tester-unit-tests");
        thread.setDaemon(true);
        return thread;
    });

    private final ProductBuild build;
    private final AcceptanceStage acceptance;
    private final boolean isolated;

    ProductChecks(ProductBuild build, AcceptanceStage acceptance, boolean isolated) {
        this.build = build;
        this.acceptance = acceptance;
        this.isolated = isolated;
    }

    void run(Workspace workspace, ProductBuild.Built built, String mainClass, ServiceSpec spec, Deadline deadline,
            RunReport report) throws IOException {
        RunReport unitTests = new RunReport();
        // through the relay, which only a product with a network of its own has
        InJvmTests inJvm = built.testClass() != null && isolated
                ? new InJvmTests(built.testClass())
                : null;
        Future<?> running = built.testClass() == null
                ? CompletableFuture.completedFuture(null)
                : UNIT_TESTS.submit(() -> build.runUnitTests(workspace, built, deadline, unitTests, inJvm));
        RunReport blackBox = new RunReport();
        try {
            acceptance.run(workspace, built.jar(), mainClass, inJvm, spec, deadline, blackBox, () -> await(running));
        } finally {
            if (inJvm != null) {
                inJvm.productGone();
            }
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
