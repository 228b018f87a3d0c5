package dev.gigafactory.coder.product;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.coder.domain.GeneratedSource;
import dev.gigafactory.coder.service.LlmCodeAgent;
import dev.gigafactory.coder.service.TemplateCodeAgent;
import dev.gigafactory.coder.service.llm.ChatClient;
import dev.gigafactory.coder.service.llm.LlmSettings;
import dev.gigafactory.coder.support.Hooks;
import dev.gigafactory.coder.support.ProductBuild;
import dev.gigafactory.coder.support.RunningProduct;
import dev.gigafactory.coder.support.Specs;
import dev.gigafactory.testsupport.ChatCompletionsStub.Reply;
import dev.gigafactory.testsupport.ChatCompletionsStub;
import dev.gigafactory.testsupport.ProductClient;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model's reach inside the scaffold, in a built and running product: hooks before create, update and delete
 * that read the entity's records, a list filter on the query, a domain class of its own, and a rule that takes too
 * long answered with a 503 while the product keeps serving.
 */
class LlmEveryHookProductIT {

    @TempDir
    static Path work;

    static ChatCompletionsStub stub;
    static GeneratedSource source;
    static RunningProduct product;
    static ProductClient client;

    @BeforeAll
    static void start() {
        stub = ChatCompletionsStub.start().script(Reply.completion(Hooks.EVERY_HOOK, 900, 400));
        LlmSettings settings = new LlmSettings(stub.baseUrl(), "stub", null, Duration.ofSeconds(10), 1,
                Duration.ofMillis(10), 1, BigDecimal.ZERO, BigDecimal.ZERO);
        source = new LlmCodeAgent(new TemplateCodeAgent(), new ChatClient(settings), settings, entry -> {
        }).generate(Specs.plan(Hooks.SPEC, 1), null);
        ProductBuild build = ProductBuild.of(source.tree(), work);
        product = RunningProduct.start(build.jar(), work.resolve("data"), work.resolve("product.log"));
        client = product.client();
    }

    @AfterAll
    static void stop() {
        if (product != null) {
            product.stop();
        }
        stub.close();
    }

    @Test
    void theModelsDomainClassIsPartOfTheProduct() {
        assertThat(source.failure()).isNull();
        assertThat(source.tree().files()).containsKey("src/main/java/dev/gigafactory/product/notes/domain/Titles.java");
    }

    @Test
    void aRuleReadingTheStoreKeepsTitlesUniqueOnCreateAndUpdate() {
        assertThat(client.post("/notes", "{\"title\":\"unique\"}").status()).isEqualTo(201);
        ProductClient.Answer twice = client.post("/notes", "{\"title\":\"unique\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.contentType()).startsWith("application/problem+json");
        assertThat(twice.json().path("detail").asText()).contains("exists already");

        String other = client.post("/notes", "{\"title\":\"other\"}").json().path("id").asText();
        ProductClient.Answer renamed = client.put("/notes/" + other, "{\"title\":\"unique\"}");
        assertThat(renamed.status()).isEqualTo(400);
        assertThat(renamed.json().path("detail").asText()).isEqualTo("another note has that title");
        assertThat(client.put("/notes/" + other, "{\"title\":\"other\"}").status()).isEqualTo(200);
    }

    @Test
    void aRuleBeforeDeleteCanRefuseIt() {
        String keep = client.post("/notes", "{\"title\":\"keep\"}").json().path("id").asText();
        String drop = client.post("/notes", "{\"title\":\"drop\"}").json().path("id").asText();

        assertThat(client.delete("/notes/" + keep).status()).isEqualTo(409);
        assertThat(client.get("/notes/" + keep).status()).isEqualTo(200);
        assertThat(client.delete("/notes/" + drop).status()).isEqualTo(204);
    }

    @Test
    void aListFilterAnswersOnlyWhatTheQueryAsksFor() {
        client.post("/notes", "{\"title\":\"filter apples\"}");
        client.post("/notes", "{\"title\":\"filter pears\"}");

        assertThat(client.get("/notes?q=apples").json()).singleElement()
                .satisfies(note -> assertThat(note.path("title").asText()).isEqualTo("filter apples"));
        assertThat(client.get("/notes?q=filter%20p").json()).hasSize(1);
        assertThat(client.get("/notes").json().size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aRuleThatTakesTooLongIsA503AndTheProductKeepsServing() {
        ProductClient.Answer slow = client.post("/notes", "{\"title\":\"slow\"}");

        assertThat(slow.status()).isEqualTo(503);
        assertThat(slow.json().path("detail").asText()).contains("took longer than 1000 ms");
        assertThat(client.get("/notes?q=slow").json()).isEmpty();
        assertThat(client.post("/notes", "{\"title\":\"after slow\"}").status()).isEqualTo(201);
        assertThat(client.get("/health").status()).isEqualTo(200);
    }
}
