package dev.gigafactory.tester.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.events.TestsCompleted.StepResult;
import dev.gigafactory.contracts.product.ProductContract;
import dev.gigafactory.tester.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole gate on real products that run the spec's acceptance steps: real compiler, real JVMs, real HTTP. */
class ReleaseGateIT {

    @TempDir
    Path root;

    private LocalArtifactStore store;
    private ReleaseGate gate;

    private void gate(GateSettings settings) {
        store = new LocalArtifactStore(root.resolve("artifacts"));
        gate = new ReleaseGate(store, settings);
    }

    private GateSettings settings() {
        // `good` implements just enough for the spec's own cases; RobustnessIT holds a faithful product to the rest.
        return GateSettings.defaults(root.resolve("work")).withStartTimeout(Duration.ofSeconds(20)).withoutRobustness();
    }

    @Test
    void passesAGoodProductAndStoresExactlyTheJarThatPassed() throws IOException {
        gate(settings());

        TestsCompleted verdict = gate.test(Fixtures.codeGenerated(Fixtures.store(store, "good"), 1));

        assertThat(verdict.passed()).as(verdict.failure() + "\n" + verdict.logExcerpt()).isTrue();
        assertThat(verdict.failure()).isNull();
        assertThat(verdict.cases()).extracting(CaseResult::name).containsExactly("unit tests",
                "create a todo and read it back", "a todo without a title is refused", "list, update and delete");
        assertThat(verdict.cases()).allMatch(CaseResult::passed);
        StepResult read = verdict.cases().get(1).steps().get(1);
        assertThat(read.path()).matches("/todos/[0-9a-f-]{36}");
        assertThat(read.actualStatus()).isEqualTo(200);
        assertThat(store.contains(verdict.artifactDigest())).isTrue();
        assertThat(workspaces()).as("the workspace is deleted after the run").isEmpty();
    }

    @Test
    void givesTheSameSourcesTheSameArtifactDigest() {
        gate(settings());
        String sources = Fixtures.store(store, "good");

        TestsCompleted first = gate.test(Fixtures.codeGenerated(sources, 1));
        TestsCompleted second = gate.test(Fixtures.codeGenerated(sources, 2));

        assertThat(second.artifactDigest()).isNotNull().isEqualTo(first.artifactDigest());
    }

    @Test
    void failsWrongAnswersNamingEachFailingStepAndWhatDiffered() {
        gate(settings());

        TestsCompleted verdict = gate.test(Fixtures.codeGenerated(Fixtures.store(store, "wrong-answers"), 1));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.artifactDigest()).isNull();
        assertThat(verdict.cases()).hasSize(3).noneMatch(CaseResult::passed);
        CaseResult create = verdict.cases().get(0);
        assertThat(create.steps().get(0).message()).isEqualTo("body.title: expected \"Buy milk\" but was "
                + "\"Buy bread\"; body.done: expected false but was true");
        assertThat(create.steps().get(1)).extracting(StepResult::passed, StepResult::actualStatus,
                StepResult::message).containsExactly(false, null, "not run: step 0 failed");
        StepResult refused = verdict.cases().get(1).steps().get(0);
        assertThat(refused.message()).startsWith("status: expected 400 but was 201");
        assertThat(verdict.cases().get(2).steps().get(0).message())
                .isEqualTo("body.priority: expected \"high\" but was \"normal\"");
        assertThat(verdict.failure()).startsWith("3 of 3 acceptance cases failed: 'create a todo and read it back' "
                + "step 0 (POST /todos) body.title: expected");
        assertThat(verdict.logExcerpt()).contains(ProductContract.READY_LINE);
    }

    @Test
    void failsAProductThatHangsOnRequestsInsteadOfWaitingForIt() {
        gate(settings().withRequestTimeout(Duration.ofSeconds(1)));

        TestsCompleted verdict = gate.test(Fixtures.codeGenerated(Fixtures.store(store, "hangs"), 1));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.cases()).extracting(c -> c.steps().get(0).message()).containsOnly("no answer within 1 s");
    }

    @Test
    void keepsAFailedRunsWorkspaceWhenAskedTo() throws IOException {
        gate(settings().keepingFailedWorkspaces());

        TestsCompleted verdict = gate.test(Fixtures.codeGenerated(Fixtures.store(store, "wrong-answers"), 1));

        assertThat(verdict.passed()).isFalse();
        assertThat(workspaces()).singleElement()
                .satisfies(workspace -> assertThat(workspace.resolve("product.log")).exists());
    }

    private Stream<Path> workspaces() throws IOException {
        Path runs = root.resolve("work/runs");
        return Files.exists(runs) ? Files.list(runs).toList().stream() : Stream.empty();
    }
}
