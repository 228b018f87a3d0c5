package dev.gigafactory.coder.product;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.coder.support.AcceptanceRunner;
import dev.gigafactory.coder.support.ProductBuild;
import dev.gigafactory.coder.support.RunningProduct;
import dev.gigafactory.coder.support.Specs;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.testsupport.ProductClient;
import dev.gigafactory.testsupport.ProductClient.Answer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The todo example, generated, compiled, started and used over HTTP like a client would. */
class TodoProductIT {

    @TempDir
    static Path work;

    static ServiceSpec spec;
    static ProductBuild build;
    static RunningProduct product;
    static ProductClient client;

    private static final ExecutorService CONCURRENT = Executors.newFixedThreadPool(48);

    @BeforeAll
    static void start() {
        spec = Specs.example("todo.yaml");
        build = ProductBuild.of(spec, 1, work);
        product = RunningProduct.start(build.jar(), work.resolve("data"), work.resolve("product.log"));
        client = product.client();
    }

    @AfterAll
    static void stop() {
        CONCURRENT.shutdownNow();
        if (product != null) {
            product.stop();
        }
    }

    @Test
    void passesEveryAcceptanceStepOfTheSpec() {
        assertThat(AcceptanceRunner.run(client, spec.spec().acceptance())).isEmpty();
    }

    @Test
    void passesItsOwnTests() throws Exception {
        ProductBuild.ProcessResult result = build.runProductTest();

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).containsPattern("ProductTest: \\d+ passed, 0 failed");
    }

    @Test
    void answersMoreRequestsAtOnceThanItHasWorkersAndEveryOneOfThem() {
        // sixteen workers: the rest wait in line, none is refused or lost
        List<CompletableFuture<Answer>> creations = IntStream.range(0, 48)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> client.post("/todos",
                        "{\"title\":\"at once " + i + "\"}"), CONCURRENT))
                .toList();

        assertThat(creations.stream().map(CompletableFuture::join).map(Answer::status)).hasSize(48)
                .containsOnly(201);
        assertThat(client.get("/todos").json().findValuesAsText("title").stream()
                .filter(title -> title.startsWith("at once "))).hasSize(48);
    }

    @Test
    void answersHealth() {
        Answer health = client.get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void answersUnknownRoutesAndIdsWithProblems() {
        Answer unknownRoute = client.get("/nothing-here");
        Answer unknownId = client.get("/todos/00000000-0000-0000-0000-000000000000");
        Answer deleteUnknown = client.delete("/todos/not-even-a-uuid");

        assertThat(unknownRoute.status()).isEqualTo(404);
        assertThat(unknownRoute.contentType()).isEqualTo("application/problem+json");
        assertThat(unknownRoute.json().get("status").asInt()).isEqualTo(404);
        assertThat(unknownId.status()).isEqualTo(404);
        assertThat(unknownId.json().get("detail").asText()).contains("no Todo");
        assertThat(deleteUnknown.status()).isEqualTo(404);
    }

    @Test
    void countsRequestsByRouteTemplateInMetrics() {
        Answer created = client.post("/todos", "{\"title\":\"count me\"}");
        client.get("/todos/" + created.json().get("id").asText());

        Answer metrics = client.get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("# TYPE http_requests_total counter")
                .containsPattern("http_requests_total\\{method=\"POST\",route=\"/todos\",status=\"201\"} \\d+")
                .containsPattern("http_requests_total\\{method=\"GET\",route=\"/todos/\\{id}\",status=\"200\"} \\d+")
                .contains("# TYPE http_request_duration_seconds histogram")
                .containsPattern(
                        "http_request_duration_seconds_bucket\\{route=\"/todos\",status=\"201\",le=\"\\+Inf\"} \\d+")
                .containsPattern("http_request_duration_seconds_count\\{route=\"/todos/\\{id}\",status=\"200\"} \\d+")
                .doesNotContain(created.json().get("id").asText());
    }
}
