package dev.gigafactory.coder.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.coder.domain.GeneratedSource;
import dev.gigafactory.coder.service.llm.ChatClient;
import dev.gigafactory.coder.service.llm.LlmSettings;
import dev.gigafactory.coder.support.Hooks;
import dev.gigafactory.coder.support.Specs;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.codec.Digests;
import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.events.SpecChange;
import dev.gigafactory.testsupport.ChatCompletionsStub.Reply;
import dev.gigafactory.testsupport.ChatCompletionsStub;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The LLM agent against a local chat-completions stub: scripted replies, good and bad, and a misbehaving server. */
class LlmCodeAgentTest {

    private static final String KEY = "sk-test-secret-4711";
    private static final String HOOK = "src/main/java/dev/gigafactory/product/notes/Requirements.java";
    private static final TemplateCodeAgent TEMPLATE = new TemplateCodeAgent();

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
    void aGoodReplyBecomesTheRequirementsClassAndOneLedgerEntry() {
        stub.script(Reply.completion(Hooks.GOOD, 1200, 300));

        GeneratedSource source = agent(settings(Duration.ofSeconds(5), 3)).generate(plan(2), null);

        assertThat(source.agent()).isEqualTo("llm");
        assertThat(source.tree().text(HOOK)).contains("text.contains(\"spam\")").startsWith("package " + Hooks.PACKAGE);
        assertThat(changedFiles(source)).containsExactly(HOOK);
        assertThat(stub.requests()).singleElement().satisfies(request -> {
            assertThat(request.authorization()).isEqualTo("Bearer " + KEY);
            assertThat(request.body().path("model").asText()).isEqualTo("test-model");
            assertThat(request.lastMessage()).contains("Reject notes whose title contains 'spam'");
        });
        assertThat(ledger).singleElement().satisfies(entry -> {
            assertThat(entry.spec()).isEqualTo("notes");
            assertThat(entry.version()).isEqualTo(2);
            assertThat(entry.stage()).isEqualTo("coder");
            assertThat(entry.model()).isEqualTo("stub-model");
            assertThat(entry.promptTokens()).isEqualTo(1200);
            assertThat(entry.completionTokens()).isEqualTo(300);
            // 1.2 * 0.5 + 0.3 * 2 = 1.2 dollars
            assertThat(entry.costUsd()).isEqualByComparingTo("1.2");
            assertThat(entry.tokensEstimated()).isFalse();
        });
    }

    @Test
    void aServerThatReportsNoUsageIsChargedAnEstimateMarkedAsOne() {
        stub.script(Reply.completionWithoutUsage(Hooks.GOOD).delayed(200));

        GeneratedSource source = agent(settings(Duration.ofSeconds(5), 3)).generate(plan(1), null);

        assertThat(source.agent()).isEqualTo("llm");
        assertThat(stub.requests()).hasSize(1);
        var request = stub.requests().get(0).body();
        assertThat(request.path("max_tokens").asInt()).isEqualTo(4096);
        long promptCharacters = 0;
        for (var message : request.path("messages")) {
            promptCharacters += message.path("content").asText().length();
        }
        long expectedPrompt = (promptCharacters + 3) / 4;
        assertThat(ledger).singleElement().satisfies(entry -> {
            assertThat(entry.tokensEstimated()).isTrue();
            assertThat(entry.promptTokens()).isEqualTo(expectedPrompt);
            assertThat(entry.completionTokens()).isEqualTo((Hooks.GOOD.length() + 3) / 4);
            assertThat(entry.durationMs()).isGreaterThanOrEqualTo(200);
        });
    }

    @Test
    void everyKindOfBadReplyIsSentBackWithItsReasonUntilOneIsGood() {
        stub.script(Reply.completion(Hooks.NO_CODE, 100, 10), Reply.completion(Hooks.WRONG_CLASS, 100, 10),
                Reply.completion(Hooks.FORBIDDEN, 100, 10), Reply.completion(Hooks.WRONG_PACKAGE, 100, 10),
                Reply.completion(Hooks.COMPILE_ERROR, 100, 10), Reply.completion(Hooks.GOOD, 100, 10));

        GeneratedSource source = agent(settings(Duration.ofSeconds(5), 6)).generate(plan(1), null);

        assertThat(source.agent()).isEqualTo("llm");
        List<ChatCompletionsStub.Request> requests = stub.requests();
        assertThat(requests).hasSize(6);
        assertThat(requests.get(1).lastMessage()).contains("no Java code");
        assertThat(requests.get(2).lastMessage()).contains("no block declares the class Requirements");
        assertThat(requests.get(3).lastMessage()).contains("forbidden: java.lang.Runtime");
        assertThat(requests.get(4).lastMessage()).contains("the package must be " + Hooks.PACKAGE);
        assertThat(requests.get(5).lastMessage()).contains("do not compile").contains("Requirements.java:")
                .contains("';' expected");
        // the model sees its own earlier answers: the conversation grows by two messages per try
        assertThat(requests.get(5).body().path("messages").size()).isEqualTo(2 + 5 * 2);
        assertThat(ledger).hasSize(6);
    }

    @Test
    void failsTheAttemptWithTheLastReasonWhenEveryTryIsBad() {
        stub.script(Reply.completion(Hooks.FORBIDDEN, 100, 10));

        GeneratedSource source = agent(settings(Duration.ofSeconds(5), 3)).generate(plan(1), null);

        assertThat(source.failure()).startsWith("no reply implemented the requirements: ")
                .contains("forbidden: java.lang.Runtime");
        // the tree is the scaffold, kept to be read; the failure keeps it from being tested or shipped
        assertThat(source.tree().pack()).isEqualTo(TEMPLATE.generate(plan(1), null).tree().pack());
        assertThat(stub.requests()).hasSize(3);
        assertThat(ledger).hasSize(3);
    }

    @Test
    void retriesServerErrorsAndRateLimitsABoundedNumberOfTimes() {
        stub.script(Reply.status(500, "{\"error\":\"boom\"}"), Reply.status(429, "{}").retryAfter("0"),
                Reply.completion(Hooks.GOOD, 10, 10));

        assertThat(agent(settings(Duration.ofSeconds(5), 1)).generate(plan(1), null).agent()).isEqualTo("llm");
        assertThat(stub.requests()).hasSize(3);
        assertThat(ledger).hasSize(1);

        stub.script(Reply.status(503, "{\"error\":\"down, key " + KEY + "\"}"));
        assertThat(agent(settings(Duration.ofSeconds(5), 3)).generate(plan(1), null).failure())
                .contains("the model server answered 503");
        assertThat(stub.requests()).hasSize(3); // one call, 1 + maxRetries(2) requests, then no further tries
    }

    @Test
    void aServerSlowerThanTheTimeoutFailsTheAttempt() {
        stub.script(Reply.completion(Hooks.GOOD, 10, 10).delayed(2_000));

        GeneratedSource source = agent(settings(Duration.ofMillis(300), 3)).generate(plan(1), null);

        assertThat(source.failure()).contains("did not answer");
        assertThat(stub.requests()).hasSize(3);
        assertThat(ledger).isEmpty();
    }

    @Test
    void anIncrementalPlanThatTouchesNeitherEntitiesNorRequirementsKeepsTheModelsClassAndAsksNothing() {
        stub.script(Reply.completion(Hooks.GOOD, 100, 10));
        LlmCodeAgent agent = agent(settings(Duration.ofSeconds(5), 3));
        SourceTree v1 = agent.generate(plan(1), null).tree();
        stub.script(Reply.completion(Hooks.GOOD, 100, 10));

        GeneratedSource v2 = agent.generate(projectOnly(v1), v1);

        assertThat(v2.agent()).isEqualTo("llm");
        assertThat(v2.tasks()).containsExactly("project");
        assertThat(v2.tree().text(HOOK)).isEqualTo(v1.text(HOOK)).contains("spam");
        assertThat(stub.requests()).isEmpty();
        assertThat(ledger).hasSize(1);
    }

    @Test
    void anIncrementalPlanOnAFallbackAsksForTheClassAgain() {
        stub.script(Reply.completion(Hooks.FORBIDDEN, 100, 10));
        LlmCodeAgent agent = agent(settings(Duration.ofSeconds(5), 1));
        SourceTree v1 = agent.generate(plan(1), null).tree();
        stub.script(Reply.completion(Hooks.GOOD, 100, 10));

        GeneratedSource v2 = agent.generate(projectOnly(v1), v1);

        assertThat(v2.agent()).isEqualTo("llm");
        assertThat(v2.tasks()).containsExactly("project", "requirements");
        assertThat(v2.tree().text(HOOK)).contains("spam");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void leavesASpecWithoutRequirementsToTheTemplate() {
        stub.script(Reply.completion(Hooks.GOOD, 10, 10));
        PlanCreated plan = Specs.plan(Specs.example("todo.yaml"), 1);

        GeneratedSource source = agent(settings(Duration.ofSeconds(5), 3)).generate(plan, null);

        assertThat(source.agent()).isEqualTo("template");
        assertThat(stub.requests()).isEmpty();
        assertThat(ledger).isEmpty();
    }

    private LlmCodeAgent agent(LlmSettings settings) {
        return new LlmCodeAgent(TEMPLATE, new ChatClient(settings), settings, ledger::add);
    }

    private static LlmSettings settings(Duration timeout, int attempts) {
        return new LlmSettings(stub.baseUrl(), "test-model", KEY, timeout, 2, Duration.ofMillis(10), attempts,
                new BigDecimal("0.5"), new BigDecimal("2"));
    }

    private static PlanCreated plan(int version) {
        return Specs.plan(Hooks.SPEC, version);
    }

    /** Version 2 with only its description changed: the plan a planner sends, on v1's tree. */
    private static PlanCreated projectOnly(SourceTree v1) {
        return new PlanCreated(Hooks.SPEC.name(), 2, 1, PlanCreated.PlanKind.INCREMENTAL, Hooks.SPEC,
                List.of(PlanTask.of(PlanTask.Kind.PROJECT, Hooks.SPEC.name())),
                List.of(SpecChange.changed("description", "description")), "test", null,
                Digests.sha256(v1.pack()));
    }

    private static List<String> changedFiles(GeneratedSource source) {
        var template = TEMPLATE.generate(plan(2), null).tree().files();
        return source.tree().files().entrySet().stream()
                .filter(file -> !java.util.Arrays.equals(file.getValue(), template.get(file.getKey())))
                .map(java.util.Map.Entry::getKey).toList();
    }
}
