package dev.gigafactory.tester.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import dev.gigafactory.contracts.codec.Digests;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.events.TestsCompleted.StepResult;
import dev.gigafactory.tester.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Products that never get as far as the acceptance steps: each one still gets a verdict that says why. Sources the
 * store does not have are the tester's outage, not the product's: they are waited for.
 */
class ReleaseGateFailuresIT {

    @TempDir
    Path root;

    private LocalArtifactStore store;
    private ReleaseGate gate;

    @BeforeEach
    void gate() {
        store = new LocalArtifactStore(root.resolve("artifacts"));
        gate = new ReleaseGate(store, GateSettings.defaults(root.resolve("work"))
                .withStartTimeout(Duration.ofSeconds(3)));
    }

    @Test
    void failsSourcesThatDoNotCompileQuotingTheCompiler() {
        TestsCompleted verdict = test("compile-error");

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failure()).isEqualTo("compilation failed: 1 error");
        assertThat(verdict.logExcerpt()).startsWith("src/main/java/broken/Main.java:6: error: incompatible types");
        assertThat(verdict.cases()).isEmpty();
        assertThat(verdict.artifactDigest()).isNull();
    }

    @Test
    void failsAProductWhoseOwnUnitTestsFail() {
        TestsCompleted verdict = test("unit-test-fails");

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failure()).isEqualTo("unit tests failed: exit code: expected 0 but was 1");
        assertThat(verdict.logExcerpt()).contains("FAILED: add(1, 2) expected 3 but was -1");
        assertThat(verdict.cases()).singleElement().satisfies(unitTests -> {
            assertThat(unitTests.name()).isEqualTo("unit tests");
            assertThat(unitTests.steps()).singleElement()
                    .extracting(StepResult::path, StepResult::expectedStatus, StepResult::actualStatus)
                    .containsExactly("flaky.MainTest", 0, 1);
        });
    }

    @Test
    void failsAProductThatExitsRightAfterStart() {
        TestsCompleted verdict = test("crashes");

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failure())
                .isEqualTo("the product did not start: the product exited with code 3 before it was listening");
        assertThat(verdict.logExcerpt()).contains("cannot open the journal in");
    }

    @Test
    void failsAProductThatReportsPortZero() {
        TestsCompleted verdict = test("port-zero");

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failure())
                .isEqualTo("the product did not start: the product reported port 0, not the port it listens on");
    }

    @Test
    void failsAProductThatNeverSaysItIsListening() {
        TestsCompleted verdict = test("never-ready");

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failure()).startsWith("the product did not start: the product did not report a port");
        assertThat(verdict.logExcerpt()).contains("warming up forever");
        assertThat(verdict.cases()).extracting(CaseResult::passed).isEmpty();
    }

    @Test
    void waitsForSourcesNotInTheStoreAndTestsThemOnceTheyAre() {
        byte[] sources = Fixtures.tree("compile-error").pack();
        String digest = Digests.sha256(sources);
        CodeGenerated code = Fixtures.codeGenerated(digest, 1);

        assertThatThrownBy(() -> gate.test(code)).isInstanceOfSatisfying(GateUnavailableException.class,
                outage -> assertThat(outage.reason()).isEqualTo("source tree " + digest
                        + " is not in the artifact store"));
        assertThat(gate.conditions().problems()).containsEntry("artifacts",
                "source tree " + digest + " is not in the artifact store");

        store.put(sources);
        TestsCompleted verdict = gate.test(code);

        assertThat(verdict.failure()).isEqualTo("compilation failed: 1 error");
        assertThat(verdict.sourceDigest()).isEqualTo(digest);
        assertThat(gate.conditions().problems()).isEmpty();
    }

    @Test
    void failsADigestNoStoreCouldHold() {
        TestsCompleted verdict = gate.test(Fixtures.codeGenerated("sha256:nope", 1));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failure()).isEqualTo("source digest sha256:nope is not a sha256 digest");
    }

    @Test
    void failsWhenTheStoredBytesAreNotASourceTree() {
        String garbage = store.put("not a zip".getBytes(StandardCharsets.UTF_8));

        TestsCompleted verdict = gate.test(Fixtures.codeGenerated(garbage, 1));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failure()).isEqualTo("the source tree has no gigafactory-product.properties");
    }

    private TestsCompleted test(String product) {
        return gate.test(Fixtures.codeGenerated(Fixtures.store(store, product), 1));
    }
}
