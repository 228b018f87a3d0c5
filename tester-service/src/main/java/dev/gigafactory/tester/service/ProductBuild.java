package dev.gigafactory.tester.service;

import dev.gigafactory.contracts.acceptance.Deadline;
import dev.gigafactory.contracts.acceptance.Excerpts;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.events.TestsCompleted.StepResult;
import dev.gigafactory.contracts.product.ProductContract;
import dev.gigafactory.tester.domain.ProductManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sources to a runnable jar (compile the main sources, package them), then the product's own tests: compiled and run
 * while the product starts, since nothing the product's start needs comes from them.
 */
final class ProductBuild {

    static final String UNIT_TESTS_CASE = "unit tests";
    static final String TEST_CLASSES = "test-classes";
    private static final String RESOURCES = "src/main/resources/";

    private final JavaBuild javac;
    private final UnitTestRunner unitTests;
    private final GateSettings settings;

    ProductBuild(JavaBuild javac, UnitTestRunner unitTests, GateSettings settings) {
        this.javac = javac;
        this.unitTests = unitTests;
        this.settings = settings;
    }

    /** A built product: its jar, its compiled classes and, when it has tests of its own, their class. */
    record Built(byte[] jar, Path classes, String testClass) {
    }

    /** Compiles and packages the product; null when the report now says why there is nothing to run. */
    Built build(Workspace workspace, SourceTree tree, ProductManifest manifest, Deadline deadline, RunReport report) {
        long started = System.nanoTime();
        Path sources = workspace.resolve("src");
        tree.writeTo(sources);
        Path classes = workspace.resolve("classes");
        JavaBuild.Compilation main = javac.compile(sources, sources.resolve(ProductContract.MAIN_SOURCES),
                List.of(), classes, deadline.cap(settings.compileTimeout()));
        report.phaseDone("compile", started);
        if (!main.succeeded()) {
            report.fail("compilation failed: " + main.summary(), main.diagnostics());
            return null;
        }
        if (!Files.exists(classes.resolve(ProductManifest.classFile(manifest.mainClass())))) {
            report.fail("main-class " + manifest.mainClass() + " is not among the compiled classes", null);
            return null;
        }
        byte[] jar = JarPackager.pack(classes, resources(tree), manifest.mainClass());
        return new Built(jar, classes, manifest.testClass().orElse(null));
    }

    /**
     * Compiles the product's own tests, if it has any, and runs them: in the product's JVM when {@code inJvm} is given
     * and the product can, else in a sandboxed JVM of their own.
     */
    void runUnitTests(Workspace workspace, Built built, Deadline deadline, RunReport report, InJvmTests inJvm) {
        if (built.testClass() == null) {
            return;
        }
        long started = System.nanoTime();
        Path sources = workspace.resolve("src");
        Path testClasses = workspace.resolve(TEST_CLASSES);
        JavaBuild.Compilation compiled = javac.compile(sources, sources.resolve(ProductContract.TEST_SOURCES),
                List.of(built.classes()), testClasses, deadline.cap(settings.compileTimeout()));
        report.phaseDone("compile tests", started);
        if (!compiled.succeeded()) {
            report.addCase(unitTestCase(built.testClass(), null, false,
                    "the tests do not compile: " + compiled.summary(), 0));
            report.fail("unit tests do not compile: " + compiled.summary(), compiled.diagnostics());
            return;
        }
        started = System.nanoTime();
        Duration timeout = deadline.cap(settings.unitTestTimeout());
        Optional<UnitTestRunner.Outcome> inProduct = inJvm == null
                ? Optional.empty()
                : inJvm.run(timeout, () -> Excerpts.tailOf(workspace.resolve(ProductRun.LOG)));
        UnitTestRunner.Outcome outcome = inProduct.orElseGet(() -> unitTests.run(workspace.root(),
                List.of(built.classes(), testClasses), built.testClass(), deadline.cap(settings.unitTestTimeout())));
        report.phaseDone(inProduct.isPresent() ? "unit tests (in the product)" : "unit tests", started);
        String message = outcome.passed() ? "ok" : outcome.problem();
        report.addCase(unitTestCase(built.testClass(), outcome.exitCode(), outcome.passed(), message,
                outcome.durationMs()));
        if (!outcome.passed()) {
            report.fail("unit tests failed: " + message, outcome.output());
        }
    }

    private static CaseResult unitTestCase(String testClass, Integer exitCode, boolean passed, String message,
            long durationMs) {
        StepResult step = new StepResult(0, "JAVA", testClass, 0, exitCode, passed, message, durationMs);
        return new CaseResult(UNIT_TESTS_CASE, passed, List.of(step));
    }

    private static Map<String, byte[]> resources(SourceTree tree) {
        Map<String, byte[]> resources = new TreeMap<>();
        tree.files().forEach((path, content) -> {
            if (path.startsWith(RESOURCES)) {
                resources.put(path.substring(RESOURCES.length()), content);
            }
        });
        return resources;
    }
}
