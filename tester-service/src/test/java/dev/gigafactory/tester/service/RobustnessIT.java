package dev.gigafactory.tester.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.tester.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated robustness suite, in the sandbox, against the product today's templates write and a sloppy one. */
class RobustnessIT {

    @TempDir
    Path root;

    @Test
    void aFaithfulGeneratedProductPassesEveryRobustnessCase() {
        LocalArtifactStore store = new LocalArtifactStore(root.resolve("artifacts"));
        ServiceSpec spec = Fixtures.testSpec("thing.yaml");
        String sources = Fixtures.generated(store, spec);
        CodeGenerated code = new CodeGenerated("bench", 1, 1, "jdk-http", "template", sources, 0, spec);

        TestsCompleted verdict = new ReleaseGate(store, settings()).test(code);

        assertThat(verdict.passed()).as(verdict.failure() + "\n" + verdict.logExcerpt()).isTrue();
        assertThat(verdict.cases()).filteredOn(c -> c.name().startsWith("robustness: ")).hasSizeGreaterThan(20)
                .allMatch(CaseResult::passed)
                .extracting(CaseResult::name).contains("robustness: Thing0.code: pattern mismatch",
                        "robustness: Thing0: a body over 1 MiB", "robustness: Thing0.due: bad date");
        assertThat(store.contains(verdict.artifactDigest())).isTrue();
    }

    @Test
    void aProductThatOnlyPassesTheSpecsOwnExamplesFailsTheRobustnessSuite() {
        LocalArtifactStore store = new LocalArtifactStore(root.resolve("artifacts"));

        TestsCompleted verdict = new ReleaseGate(store, settings())
                .test(Fixtures.codeGenerated(Fixtures.store(store, "good"), 1));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.artifactDigest()).isNull();
        assertThat(verdict.failure()).matches("\\d+ of \\d+ robustness cases failed: .*")
                .contains(
                        "'robustness: Todo.title: maxLength+1 (201 chars)' step 0 (POST /todos) status: expected 400");
        assertThat(verdict.cases()).filteredOn(c -> c.name().equals("robustness: Todo.title: maxLength+1 (201 chars)"))
                .singleElement().satisfies(c -> {
                    assertThat(c.steps().get(0).message()).startsWith("status: expected 400 but was 201");
                    // the evidence a repair needs: what was sent, what came back
                    assertThat(c.steps().get(0).requestBody()).contains("\"title\"");
                    assertThat(c.steps().get(0).actualBody()).contains("\"id\"");
                });
    }

    private GateSettings settings() {
        return GateSettings.defaults(root.resolve("work")).withStartTimeout(Duration.ofSeconds(20));
    }
}
