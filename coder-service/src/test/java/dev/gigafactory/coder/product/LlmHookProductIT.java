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
 * A requirement in prose ("reject titles containing 'spam' with 400"), written by a (stub) model into the product's
 * Requirements class, after one reply that did not compile: the built product enforces it over HTTP.
 */
class LlmHookProductIT {

    @TempDir
    static Path work;

    static ChatCompletionsStub stub;
    static GeneratedSource source;
    static ProductBuild build;
    static RunningProduct product;
    static ProductClient client;

    @BeforeAll
    static void start() {
        stub = ChatCompletionsStub.start().script(Reply.completion(Hooks.COMPILE_ERROR, 500, 120),
                Reply.completion(Hooks.GOOD, 700, 150));
        LlmSettings settings = new LlmSettings(stub.baseUrl(), "stub", null, Duration.ofSeconds(10), 1,
                Duration.ofMillis(10), 3, BigDecimal.ZERO, BigDecimal.ZERO);
        source = new LlmCodeAgent(new TemplateCodeAgent(), new ChatClient(settings), settings, entry -> {
        }).generate(Specs.plan(Hooks.SPEC, 1), null);
        build = ProductBuild.of(source.tree(), work);
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
    void theModelsClassIsUsedAfterOneRetry() {
        assertThat(source.agent()).isEqualTo("llm");
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void refusesASpamTitleOnCreateAndUpdate() {
        ProductClient.Answer refused = client.post("/notes", "{\"title\":\"buy spam now\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asText()).contains("spam");

        ProductClient.Answer created = client.post("/notes", "{\"title\":\"buy milk\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(client.put("/notes/" + id, "{\"title\":\"spam\"}").status()).isEqualTo(400);
        assertThat(client.get("/notes/" + id).json().path("title").asText()).isEqualTo("buy milk");
        assertThat(client.get("/notes").json()).hasSize(1);
    }

    @Test
    void passesItsOwnTests() throws Exception {
        ProductBuild.ProcessResult result = build.runProductTest();

        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
