package dev.gigafactory.coder.product;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.coder.domain.GeneratedSource;
import dev.gigafactory.coder.service.LlmCodeAgent;
import dev.gigafactory.coder.service.TemplateCodeAgent;
import dev.gigafactory.coder.service.llm.ChatClient;
import dev.gigafactory.coder.service.llm.LlmSettings;
import dev.gigafactory.coder.support.ProductBuild;
import dev.gigafactory.coder.support.Repairs;
import dev.gigafactory.coder.support.RunningProduct;
import dev.gigafactory.coder.support.Specs;
import dev.gigafactory.contracts.acceptance.AcceptanceRunner;
import dev.gigafactory.contracts.acceptance.Deadline;
import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.testsupport.ChatCompletionsStub.Reply;
import dev.gigafactory.testsupport.ChatCompletionsStub;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule only the requirements state ("a title must not contain the word forbidden"): a (stub) model that misses it
 * writes a product that fails the acceptance step; shown the step's request, expected and actual answer, it writes
 * the rule, and the repaired product passes every step over HTTP.
 */
class LlmRepairProductIT {

    @TempDir
    static Path work;

    static ChatCompletionsStub stub;
    static List<CaseResult> firstRun;
    static GeneratedSource repaired;
    static List<CaseResult> repairedRun;

    @BeforeAll
    static void start() {
        // The stub answers as a model would that only gets the rule once it sees the failing step.
        stub = ChatCompletionsStub.start().respond(request -> Reply.completion(
                request.conversation().contains("expected: status 400") ? Repairs.GOOD : Repairs.NO_OP, 100, 50));
        LlmSettings settings = new LlmSettings(stub.baseUrl(), "stub", null, Duration.ofSeconds(10), 0,
                Duration.ofMillis(10), 3, BigDecimal.ZERO, BigDecimal.ZERO);
        LocalArtifactStore store = new LocalArtifactStore(work.resolve("artifacts"));
        LlmCodeAgent agent = new LlmCodeAgent(new TemplateCodeAgent(), new ChatClient(settings), settings, entry -> {
        }, store);

        GeneratedSource first = agent.generate(Specs.plan(Repairs.SPEC, 1), null);
        String firstDigest = store.put(first.tree().pack());
        firstRun = acceptance(first, work.resolve("attempt-1"));
        repaired = agent.generate(Repairs.repairPlan(1, firstRun, List.of(firstDigest)), null);
        repairedRun = acceptance(repaired, work.resolve("attempt-2"));
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @Test
    void theFirstAttemptMissesTheRuleAndFailsItsStep() {
        assertThat(firstRun).filteredOn(result -> !result.passed()).singleElement().satisfies(result -> {
            assertThat(result.name()).isEqualTo("a forbidden title is refused");
            assertThat(result.steps().get(0).actualStatus()).isEqualTo(201);
        });
    }

    @Test
    void theRepairPromptCarriedTheFailingStepsExpectedAndActualAnswer() {
        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.requests().get(1).conversation())
                .contains("'a forbidden title is refused' step 0: POST /memos with body")
                .contains("a forbidden memo")
                .contains("expected: status 400", "actual: status 201");
    }

    @Test
    void theRepairedProductPassesEveryAcceptanceStep() {
        assertThat(repaired.agent()).isEqualTo("llm");
        assertThat(repairedRun).hasSize(2)
                .allSatisfy(result -> assertThat(result.passed()).as(Json.writeString(result)).isTrue());
    }

    private static List<CaseResult> acceptance(GeneratedSource source, Path dir) {
        ProductBuild build = ProductBuild.of(source.tree(), dir);
        try (RunningProduct product = RunningProduct.start(build.jar(), dir.resolve("data"),
                dir.resolve("product.log"))) {
            return new AcceptanceRunner(Duration.ofSeconds(10)).run(product.client().baseUrl(),
                    Repairs.SPEC.spec().acceptance(), Deadline.after(Duration.ofMinutes(1)));
        }
    }
}
