package dev.gigafactory.tester.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanCreated.PlanKind;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.product.ProductContract;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.sandbox.LoopbackRelay;
import dev.gigafactory.sandbox.Sandbox;
import dev.gigafactory.stacks.spi.ProductStack;
import dev.gigafactory.stacks.spi.ProductStacks;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jdk-http product as its stack writes it runs its own tests in the JVM the gate starts for it anyway (its test
 * class has {@code run()}): the tests' output is in the product's log, beside its ready line; they pass, or fail the
 * product naming the check, exactly as in a JVM of their own.
 */
class InJvmUnitTestsIT {

    private static final String RETURN = "return check.summarize(\"ProductTest\");";

    @TempDir
    Path root;

    private LocalArtifactStore store;
    private ReleaseGate gate;

    @BeforeEach
    void gate() {
        GateSettings settings = GateSettings.defaults(root.resolve("work")).keepingFailedWorkspaces();
        assumeTrue(Sandbox.of(settings.sandbox(), settings.limits(), root.resolve("probe"), settings.bubblewrap())
                .isolatesNetwork(), "the product's JVM runs its tests only through the sandbox's relay");
        store = new LocalArtifactStore(root.resolve("artifacts"));
        gate = new ReleaseGate(store, settings);
    }

    @Test
    void aGeneratedProductPassesItsOwnTestsRunInItsJvm() {
        TestsCompleted verdict = gate.test(code(files -> files));

        assertThat(verdict.passed()).as(verdict.failure() + "\n" + verdict.logExcerpt()).isTrue();
        assertThat(verdict.cases()).first().satisfies(unitTests -> {
            assertThat(unitTests.name()).isEqualTo(ProductBuild.UNIT_TESTS_CASE);
            assertThat(unitTests.passed()).isTrue();
            assertThat(unitTests.steps().get(0).path()).endsWith(".ProductTest");
        });
    }

    @Test
    void aFailingCheckFailsTheProductWithTheProductsLogAsEvidence() {
        TestsCompleted verdict = gate.test(code(files -> withTest(files, test -> test.replace(RETURN,
                "check.that(false, \"a check written to fail\");\n        " + RETURN))));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failure()).isEqualTo("unit tests failed: exit code: expected 0 but was 1");
        assertThat(verdict.cases()).singleElement().extracting(CaseResult::name)
                .isEqualTo(ProductBuild.UNIT_TESTS_CASE);
        assertThat(verdict.logExcerpt()).as("run in the product's JVM: its log, ready line and all")
                .contains(ProductContract.READY_LINE).contains("FAILED a check written to fail");
    }

    @Test
    void aTestThatEndsTheJvmIsRunAgainInAJvmOfItsOwnAndJudgedThere() {
        TestsCompleted verdict = gate.test(code(files -> withTest(files, test -> test.replace(RETURN,
                "if (System.getProperty(\"" + LoopbackRelay.TESTS_CLASS
                        + "\") != null) {\n            Runtime.getRuntime().halt(3);\n        }\n        "
                        + RETURN))));

        assertThat(verdict.passed()).as("the product died under its acceptance cases").isFalse();
        assertThat(verdict.cases()).first().satisfies(unitTests -> assertThat(unitTests.passed())
                .as("in a JVM of their own, the same tests pass").isTrue());
    }

    private CodeGenerated code(UnaryOperator<Map<String, byte[]>> change) {
        ServiceSpec spec = ExampleSpecs.example("todo.yaml");
        ProductStack stack = ProductStacks.of(spec);
        PlanCreated plan = new PlanCreated(spec.name(), 1, 1, PlanKind.INITIAL, spec, PlanTask.every(spec), List.of(),
                "test", null, null);
        Map<String, byte[]> files = change.apply(new TreeMap<>(stack.write(plan, stack.model(spec, 1), null).tree()
                .files()));
        String digest = store.put(new SourceTree(files).pack());
        return new CodeGenerated(spec.name(), 1, 1, "jdk-http", "fixture", digest, 0, spec);
    }

    private static Map<String, byte[]> withTest(Map<String, byte[]> files, UnaryOperator<String> change) {
        String path = files.keySet().stream().filter(name -> name.endsWith("/ProductTest.java")).findFirst()
                .orElseThrow();
        String test = new String(files.get(path), StandardCharsets.UTF_8);
        assertThat(test).contains(RETURN);
        files.put(path, change.apply(test).getBytes(StandardCharsets.UTF_8));
        return files;
    }
}
