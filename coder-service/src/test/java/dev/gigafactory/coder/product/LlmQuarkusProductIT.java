package dev.gigafactory.coder.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gigafactory.coder.domain.GeneratedSource;
import dev.gigafactory.coder.service.LlmCodeAgent;
import dev.gigafactory.coder.service.TemplateCodeAgent;
import dev.gigafactory.coder.service.llm.ChatClient;
import dev.gigafactory.coder.service.llm.LlmSettings;
import dev.gigafactory.coder.support.RunningProduct;
import dev.gigafactory.coder.support.Specs;
import dev.gigafactory.contracts.product.ProductProcess;
import dev.gigafactory.devstack.postgres.EmbeddedDatabase;
import dev.gigafactory.sandbox.testing.QuarkusProductBuild;
import dev.gigafactory.testsupport.ChatCompletionsStub;
import dev.gigafactory.testsupport.ChatCompletionsStub.Reply;
import dev.gigafactory.testsupport.ProductClient;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memos spec on the quarkus stack: its rule in prose ("a memo's title must not contain the word forbidden") is
 * written by a (stub) model into the product's Requirements class, and the product built offline in the gate's
 * sandbox enforces it over HTTP against PostgreSQL, with a rule reading the stored memos, a list filter, and a rule
 * too slow to wait for.
 */
class LlmQuarkusProductIT {

    /** Refuses the forbidden word (400) and a title already taken (409, read from the table), filters by ?q=. */
    static final String REPLY = """
            ```java
            package dev.gigafactory.product.memos;

            import java.util.Map;

            final class Requirements implements Rules {

                @Override
                public void beforeCreate(String entity, Map<String, Object> record, Records existing) {
                    if ("slow".equals(record.get("title"))) {
                        long until = System.currentTimeMillis() + 3000;
                        while (System.currentTimeMillis() < until) {
                            Math.sqrt(until);
                        }
                    }
                    if (record.get("title") instanceof String title && title.contains("forbidden")) {
                        throw Problem.badRequest("a title must not contain the word forbidden");
                    }
                    if (existing.all().stream().anyMatch(memo -> memo.get("title").equals(record.get("title")))) {
                        throw Problem.conflict("a memo titled '" + record.get("title") + "' exists already");
                    }
                }

                @Override
                public boolean listed(String entity, Map<String, Object> record, Map<String, String> query) {
                    String word = query.get("q");
                    return word == null || ((String) record.get("title")).contains(word);
                }
            }
            ```
            """;

    @TempDir
    static Path work;

    static ChatCompletionsStub stub;
    static EmbeddedDatabase database;
    static GeneratedSource source;
    static RunningProduct product;
    static ProductClient client;

    @BeforeAll
    static void start() {
        StringBuilder why = new StringBuilder();
        Optional<QuarkusProductBuild> build = QuarkusProductBuild.here(work.resolve("sandbox"), why);
        assumeTrue(build.isPresent(), why::toString);
        stub = ChatCompletionsStub.start().script(Reply.completion(REPLY, 700, 150));
        LlmSettings settings = new LlmSettings(stub.baseUrl(), "stub", null, Duration.ofSeconds(10), 1,
                Duration.ofMillis(10), 3, BigDecimal.ZERO, BigDecimal.ZERO);
        source = new LlmCodeAgent(new TemplateCodeAgent(), new ChatClient(settings), settings, entry -> {
        }).generate(Specs.plan(Specs.onStack(Specs.example("memos.yaml"), "quarkus"), 1), null);
        assertThat(source.failed()).as(source.failure()).isFalse();
        Path jar = build.get().jar(source.tree(), work);
        database = EmbeddedDatabase.start();
        database.createDatabase("memos");
        product = RunningProduct.startQuarkus(jar, work.resolve("product.log"), database.jdbcUrl("memos"),
                database.username(), database.password());
        client = product.client();
    }

    @AfterAll
    static void stop() {
        if (product != null) {
            product.stop();
        }
        if (database != null) {
            database.close();
        }
        if (stub != null) {
            stub.close();
        }
    }

    /** The answer and the product's log: a failing answer is explained by what the product logged. */
    private static String why(ProductClient.Answer answer) {
        return answer.body() + "\n" + ProductProcess.tail(product.log());
    }

    @Test
    void refusesAForbiddenTitleAndKeepsAFineOne() {
        ProductClient.Answer refused = client.post("/memos", "{\"title\":\"a forbidden memo\"}");
        assertThat(refused.status()).as(() -> why(refused)).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asText()).contains("forbidden");

        ProductClient.Answer kept = client.post("/memos", "{\"title\":\"a fine memo\"}");
        assertThat(kept.status()).as(() -> why(kept)).isEqualTo(201);
        assertThat(kept.json().path("title").asText()).isEqualTo("a fine memo");
        assertThat(client.get("/memos?q=forbidden").json()).isEmpty();
    }

    @Test
    void aRuleReadsTheStoredMemosAndListsAreFilteredByIt() {
        assertThat(client.post("/memos", "{\"title\":\"groceries\"}").status()).isEqualTo(201);
        ProductClient.Answer twice = client.post("/memos", "{\"title\":\"groceries\"}");

        assertThat(twice.status()).as(() -> why(twice)).isEqualTo(409);
        assertThat(twice.contentType()).startsWith("application/problem+json");
        assertThat(client.get("/memos?q=grocer").json()).hasSize(1);
    }

    @Test
    void aSlowRuleIsAnswered503WhileTheProductKeepsServing() {
        CompletableFuture<ProductClient.Answer> slow = CompletableFuture.supplyAsync(
                () -> client.post("/memos", "{\"title\":\"slow\"}"));

        ProductClient.Answer meanwhile = client.post("/memos", "{\"title\":\"while another waits\"}");
        ProductClient.Answer answered = slow.join();

        assertThat(answered.status()).as(() -> why(answered)).isEqualTo(503);
        assertThat(answered.contentType()).startsWith("application/problem+json");
        assertThat(meanwhile.status()).as(() -> why(meanwhile)).isEqualTo(201);
        assertThat(client.get("/memos?q=slow").json()).as("the refused create wrote nothing").isEmpty();
        assertThat(client.get("/health").status()).isEqualTo(200);
        assertThat(product.isAlive()).isTrue();
    }
}
