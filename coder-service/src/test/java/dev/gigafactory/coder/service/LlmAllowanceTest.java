package dev.gigafactory.coder.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.coder.domain.GeneratedSource;
import dev.gigafactory.coder.service.llm.ChatClient;
import dev.gigafactory.coder.service.llm.LlmSettings;
import dev.gigafactory.coder.support.Hooks;
import dev.gigafactory.coder.support.Specs;
import dev.gigafactory.contracts.events.Allowance;
import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.testsupport.ChatCompletionsStub.Reply;
import dev.gigafactory.testsupport.ChatCompletionsStub;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plan's allowance (what the planner's persisted ledger leaves the version) bounds every call: how long a reply
 * may be, and whether a call is made at all. Any coder instance given the plan spends within it.
 */
class LlmAllowanceTest {

    private static final BigDecimal PROMPT_PRICE = new BigDecimal("0.5");
    private static final BigDecimal COMPLETION_PRICE = new BigDecimal("2");

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
    void aReplyIsAskedToFitInTheTokensLeft() {
        stub.script(Reply.completion(Hooks.GOOD, 700, 100));

        assertThat(agent().generate(plan(new Allowance(2_000, new BigDecimal("100"))), null).agent())
                .isEqualTo("llm");

        ChatCompletionsStub.Request request = stub.requests().get(0);
        // however the prompt is counted, it takes at least a token per four characters of it
        assertThat(request.body().path("max_tokens").asInt()).isBetween(256, 2_000 - promptCharacters(request) / 4);
    }

    @Test
    void aReplyIsAskedToFitInTheMoneyLeft() {
        stub.script(Reply.completion(Hooks.GOOD, 700, 100));

        // 3 USD: at 2 USD per 1k completion tokens at most 1,500 tokens, less what the prompt costs
        agent().generate(plan(new Allowance(1_000_000, new BigDecimal("3"))), null);

        int maxTokens = stub.requests().get(0).body().path("max_tokens").asInt();
        assertThat(maxTokens).isBetween(256, 1_499);
    }

    @Test
    void noCallIsMadeWhenWhatIsLeftPaysForNoUsefulReply() {
        stub.script(Reply.completion(Hooks.GOOD, 10, 10));

        assertThat(agent().generate(plan(new Allowance(300, new BigDecimal("100"))), null).failure())
                .contains("leaves no room for a reply of 256 tokens");
        failed(agent().generate(plan(new Allowance(1_000_000, new BigDecimal("0.0001"))),
                null));

        assertThat(stub.requests()).isEmpty();
        assertThat(ledger).extracting(LedgerEntryRecorded::model).containsExactly("template", "template");
    }

    @Test
    void whatEachTrySpentShortensTheNextOnesReply() {
        stub.script(Reply.completion(Hooks.COMPILE_ERROR, 900, 200));

        failed(agent(100_000).generate(plan(new Allowance(6_000, new BigDecimal("100"))), null));

        List<Integer> limits = stub.requests().stream().map(r -> r.body().path("max_tokens").asInt()).toList();
        assertThat(limits).hasSize(3);
        // each try spent 1,100 tokens, and each next prompt is longer by the reply and the compiler's errors
        assertThat(limits.get(1)).isLessThanOrEqualTo(limits.get(0) - 1_100);
        assertThat(limits.get(2)).isLessThanOrEqualTo(limits.get(1) - 1_100);
    }

    @Test
    void everyCallIsOnTheLedgerWithItsCostTheTemplatesFree() {
        stub.script(Reply.completion(Hooks.GOOD, 700, 100));

        agent().generate(plan(new Allowance(100_000, new BigDecimal("100"))), null);

        assertThat(ledger).hasSize(2);
        assertThat(ledger.get(0).model()).isEqualTo("template");
        assertThat(ledger.get(0).costUsd()).isZero();
        assertThat(ledger.get(1).model()).isEqualTo("stub-model");
        // 700 * 0.5 / 1000 + 100 * 2 / 1000
        assertThat(ledger.get(1).costUsd()).isEqualByComparingTo("0.55");
        assertThat(ledger.get(1).durationMs()).isNotNegative();
    }

    @Test
    void aPlanFromBeforeAllowancesAsksForTheConfiguredReplyLength() {
        stub.script(Reply.completion(Hooks.GOOD, 10, 10));

        agent().generate(plan(null), null);

        assertThat(stub.requests().get(0).body().path("max_tokens").asInt())
                .isEqualTo(LlmSettings.DEFAULT_MAX_COMPLETION_TOKENS);
    }

    private LlmCodeAgent agent() {
        return agent(LlmSettings.DEFAULT_MAX_COMPLETION_TOKENS);
    }

    private LlmCodeAgent agent(int maxCompletionTokens) {
        LlmSettings settings = new LlmSettings(stub.baseUrl(), "test-model", null, Duration.ofSeconds(5), 0,
                Duration.ofMillis(10), 3, PROMPT_PRICE, COMPLETION_PRICE, maxCompletionTokens);
        return new LlmCodeAgent(new TemplateCodeAgent(ledger::add), new ChatClient(settings), settings, ledger::add);
    }

    private static int promptCharacters(ChatCompletionsStub.Request request) {
        int characters = 0;
        for (var message : request.body().path("messages")) {
            characters += message.path("content").asText().length();
        }
        return characters;
    }

    private static void failed(GeneratedSource source) {
        assertThat(source.failure()).isNotNull();
    }

    private static PlanCreated plan(Allowance allowance) {
        return Specs.plan(Hooks.SPEC, 1).withAllowance(allowance);
    }
}
