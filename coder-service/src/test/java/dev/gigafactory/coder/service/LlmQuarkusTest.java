package dev.gigafactory.coder.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.coder.domain.GeneratedSource;
import dev.gigafactory.coder.service.llm.ChatClient;
import dev.gigafactory.coder.service.llm.LlmSettings;
import dev.gigafactory.coder.support.Specs;
import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.testsupport.ChatCompletionsStub;
import dev.gigafactory.testsupport.ChatCompletionsStub.Reply;
import dev.gigafactory.testsupport.MemosReplies;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A quarkus spec's prose requirements go into the quarkus product's Requirements class, as on jdk-http. */
class LlmQuarkusTest {

    static final String HOOK = "src/main/java/dev/gigafactory/product/memos/Requirements.java";
    /** Compiles in the built product, but uses a class of its Quarkus machinery, which the hooks may not. */
    static final String USES_QUARKUS = MemosReplies.ENFORCES_THE_RULE.replace(
            "throw Problem.badRequest(\"a title must not contain the word forbidden\");",
            "throw new IllegalArgumentException(ProblemJson.MEDIA_TYPE);");

    static ChatCompletionsStub stub;
    final List<LedgerEntryRecorded> ledger = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startStub() {
        stub = ChatCompletionsStub.start();
    }

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    @Test
    void writesTheModelsRequirementsIntoTheQuarkusProductCompiled() {
        stub.script(Reply.completion(MemosReplies.ENFORCES_THE_RULE, 100, 10));
        ServiceSpec memos = Specs.onStack(Specs.example("memos.yaml"), "quarkus");

        GeneratedSource source = agent().generate(Specs.plan(memos, 1), null);

        assertThat(source.failed()).as(source.failure()).isFalse();
        assertThat(source.agent()).isEqualTo(LlmCodeAgent.NAME);
        assertThat(source.stack()).isEqualTo("quarkus");
        assertThat(source.tree().files()).containsKeys("pom.xml", HOOK);
        assertThat(source.tree().text(HOOK)).contains("final class Requirements implements Rules", "forbidden");
        assertThat(stub.requests()).hasSize(1);
        assertThat(ledger).extracting(LedgerEntryRecorded::model).containsExactly(TemplateCodeAgent.NAME, "stub-model");
    }

    @Test
    void sendsBackAReplyThatReachesForTheProductsQuarkusClasses() {
        stub.script(Reply.completion(USES_QUARKUS, 100, 10), Reply.completion(MemosReplies.ENFORCES_THE_RULE, 100, 10));
        ServiceSpec memos = Specs.onStack(Specs.example("memos.yaml"), "quarkus");

        GeneratedSource source = agent().generate(Specs.plan(memos, 1), null);

        assertThat(source.failed()).as(source.failure()).isFalse();
        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.requests().get(1).lastMessage()).contains("do not compile", "ProblemJson");
        assertThat(source.tree().text(HOOK)).contains("Problem.badRequest");
    }

    @Test
    void leavesAQuarkusSpecWithoutRequirementsToTheTemplate() {
        stub.script();
        ServiceSpec todo = Specs.onStack(Specs.example("todo.yaml"), "quarkus");

        GeneratedSource source = agent().generate(Specs.plan(todo, 1), null);

        assertThat(source.failed()).isFalse();
        assertThat(source.agent()).isEqualTo(TemplateCodeAgent.NAME);
        assertThat(stub.requests()).isEmpty();
    }

    private LlmCodeAgent agent() {
        LlmSettings settings = new LlmSettings(stub.baseUrl(), "test-model", "sk-test", Duration.ofSeconds(5), 2,
                Duration.ofMillis(10), 3, BigDecimal.ONE, BigDecimal.ONE);
        return new LlmCodeAgent(new TemplateCodeAgent(ledger::add), new ChatClient(settings), settings, ledger::add);
    }
}
