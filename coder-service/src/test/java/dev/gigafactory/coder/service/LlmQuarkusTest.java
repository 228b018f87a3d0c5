package dev.gigafactory.coder.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.coder.domain.GeneratedSource;
import dev.gigafactory.coder.service.llm.ChatClient;
import dev.gigafactory.coder.service.llm.LlmSettings;
import dev.gigafactory.coder.support.Hooks;
import dev.gigafactory.coder.support.Specs;
import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.testsupport.ChatCompletionsStub;
import dev.gigafactory.testsupport.ChatCompletionsStub.Reply;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The quarkus stack has no hooks for prose requirements: the LLM agent says so instead of shipping without them. */
class LlmQuarkusTest {

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
    void failsAQuarkusSpecWithRequirementsWithoutAskingTheModel() {
        stub.script(Reply.completion(Hooks.GOOD, 100, 10));
        ServiceSpec memos = Specs.onStack(Specs.example("memos.yaml"), "quarkus");

        GeneratedSource source = agent().generate(Specs.plan(memos, 1), null);

        assertThat(source.failed()).isTrue();
        assertThat(source.failure()).contains("stack 'quarkus' has no hooks", "stacks with hooks: jdk-http");
        assertThat(source.stack()).isEqualTo("quarkus");
        assertThat(source.tree().files()).containsKey("pom.xml");
        assertThat(stub.requests()).isEmpty();
        assertThat(ledger).extracting(LedgerEntryRecorded::model).containsOnly(TemplateCodeAgent.NAME);
    }

    @Test
    void leavesAQuarkusSpecWithoutRequirementsToTheTemplate() {
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
