package dev.gigafactory.coder.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.coder.domain.GeneratedSource;
import dev.gigafactory.coder.service.llm.ChatClient;
import dev.gigafactory.coder.service.llm.LlmSettings;
import dev.gigafactory.coder.support.Repairs;
import dev.gigafactory.coder.support.Specs;
import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.events.TestsCompleted.StepResult;
import dev.gigafactory.testsupport.ChatCompletionsStub.Reply;
import dev.gigafactory.testsupport.ChatCompletionsStub;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repair plan's evidence reaches the model, and a reply that rebuilds failed code is sent back. */
class LlmRepairTest {

    private static final String HOOK = "src/main/java/dev/gigafactory/product/memos/Requirements.java";
    private static final List<CaseResult> FAILED_RUN = List.of(new CaseResult("a forbidden title is refused", false,
            List.of(new StepResult(0, "POST", "/memos", 400, 201, false, "status: expected 400 but was 201", 4,
                    "{\"title\":\"a forbidden memo\"}", null, "{\"id\":\"m-1\",\"title\":\"a forbidden memo\"}"))));

    static ChatCompletionsStub stub;
    @TempDir
    Path artifacts;
    LocalArtifactStore store;
    LlmCodeAgent agent;

    @BeforeAll
    static void startStub() {
        stub = ChatCompletionsStub.start();
    }

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    @BeforeEach
    void agent() {
        store = new LocalArtifactStore(artifacts);
        LlmSettings settings = new LlmSettings(stub.baseUrl(), "stub", null, Duration.ofSeconds(5), 0,
                Duration.ofMillis(10), 3, BigDecimal.ZERO, BigDecimal.ZERO);
        agent = new LlmCodeAgent(new TemplateCodeAgent(), new ChatClient(settings), settings, entry -> {
        }, store);
    }

    @Test
    void theRepairPromptShowsEachFailingStepTheLogAndTheClassWrittenThen() {
        String failedDigest = firstAttemptAnswering(Repairs.NO_OP);
        stub.script(Reply.completion(Repairs.GOOD, 10, 10));

        GeneratedSource repaired = agent.generate(Repairs.repairPlan(1, FAILED_RUN, List.of(failedDigest)), null);

        assertThat(repaired.tree().text(HOOK)).contains("title.contains(\"forbidden\")");
        assertThat(stub.requests()).singleElement().satisfies(request -> assertThat(request.lastMessage())
                .contains("A memo's title must not contain the word forbidden")
                .contains("Attempt 1 of this service was built and tested, and it failed: 1 of 2 cases failed")
                .contains("- 'a forbidden title is refused' step 0: POST /memos with body "
                        + "{\"title\":\"a forbidden memo\"}")
                .contains("expected: status 400", "actual: status 201, body {\"id\":\"m-1\"",
                        "status: expected 400 but was 201")
                .contains("memos listening on 127.0.0.1")
                .contains("// every memo is fine"));
    }

    @Test
    void aReplyRebuildingTheFailedCodeIsToldSoAndAskedAgain() {
        String failedDigest = firstAttemptAnswering(Repairs.NO_OP);
        stub.script(Reply.completion(Repairs.NO_OP, 10, 10), Reply.completion(Repairs.GOOD, 10, 10));

        GeneratedSource repaired = agent.generate(Repairs.repairPlan(1, FAILED_RUN, List.of(failedDigest)), null);

        assertThat(repaired.agent()).isEqualTo("llm");
        assertThat(repaired.tree().text(HOOK)).contains("title.contains(\"forbidden\")");
        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.requests().get(1).lastMessage()).startsWith("Your code is identical to the code of failed "
                + "attempt 1, which failed because POST /memos answered 201 where 400 was expected")
                .contains("change it");
    }

    @Test
    void aModelThatOnlyEverRebuildsTheFailedCodeFailsTheAttempt() {
        String failedDigest = firstAttemptAnswering(Repairs.NO_OP);
        stub.script(Reply.completion(Repairs.NO_OP, 10, 10));

        GeneratedSource repaired = agent.generate(Repairs.repairPlan(1, FAILED_RUN, List.of(failedDigest)), null);

        assertThat(repaired.failure()).contains("identical to the code of failed attempt 1");
        assertThat(stub.requests()).hasSize(3);
    }

    /** Attempt 1 built from {@code reply}, stored as the coder stores it; its digest. */
    private String firstAttemptAnswering(String reply) {
        stub.script(Reply.completion(reply, 10, 10));
        GeneratedSource first = agent.generate(Specs.plan(Repairs.SPEC, 1), null);
        assertThat(first.agent()).isEqualTo("llm");
        return store.put(first.tree().pack());
    }
}
