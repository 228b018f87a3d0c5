package dev.gigafactory.coder.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.coder.support.AcceptanceRunner;
import dev.gigafactory.coder.support.ProductBuild;
import dev.gigafactory.coder.support.RunningProduct;
import dev.gigafactory.coder.support.Specs;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.testsupport.ProductClient;
import dev.gigafactory.testsupport.ProductClient.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every field type stored and answered faithfully, operations limited by the spec, data kept across restarts. */
class EveryTypeBehaviourIT {

    private static final String FULL = """
            {"code":"XY-7","note":"caf\\u00e9 \\"quoted\\" \\\\ \\n","quantity":-5,"price":9.50,"active":false,
             "due":"2024-02-29","seenAt":"2024-01-31T10:15:30.250Z","ownerId":"123E4567-E89B-42D3-A456-426614174000",
             "size":"x-large","label":"l","since":"1999-12-31"}""";

    static ServiceSpec spec = Specs.testSpec("every-type.yaml");
    static ProductBuild build;

    @TempDir
    Path work;

    RunningProduct product;
    ProductClient client;

    @BeforeAll
    static void build(@TempDir Path buildDir) {
        build = ProductBuild.of(spec, 1, buildDir);
    }

    @BeforeEach
    void start() {
        restart();
    }

    @AfterEach
    void stop() {
        product.stop();
    }

    @Test
    void storesAndAnswersEveryTypeFaithfully() {
        Answer created = client.post("/items", FULL);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode item = created.json();
        assertThat(item.get("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(created.headers().firstValue("Location")).hasValue("/items/" + item.get("id").asText());
        assertThat(item.get("note").asText()).isEqualTo("caf\u00e9 \"quoted\" \\ \n");
        assertThat(item.get("quantity").isIntegralNumber()).isTrue();
        assertThat(item.get("quantity").asLong()).isEqualTo(-5);
        assertThat(item.get("price").decimalValue()).isEqualByComparingTo("9.5");
        assertThat(item.get("active").asBoolean()).isFalse();
        assertThat(item.get("due").asText()).isEqualTo("2024-02-29");
        assertThat(item.get("seenAt").asText()).isEqualTo("2024-01-31T10:15:30.250Z");
        assertThat(item.get("ownerId").asText()).isEqualTo("123e4567-e89b-42d3-a456-426614174000");
        assertThat(item.get("size").asText()).isEqualTo("x-large");
        assertThat(client.get("/items/" + item.get("id").asText()).json()).isEqualTo(item);
    }

    @Test
    void appliesDefaultsAndAnswersNullForOptionalFieldsLeftOut() {
        JsonNode item = client.post("/items", "{\"code\":\"AB-12\"}").json();

        assertThat(item.get("note").asText()).isEqualTo("none \"yet\" \\u0041 \\ \u00e9");
        assertThat(item.get("quantity").asLong()).isEqualTo(1);
        assertThat(item.get("active").asBoolean()).isTrue();
        assertThat(item.get("size").asText()).isEqualTo("m");
        assertThat(item.get("since").asText()).isEqualTo("2020-02-29");
        assertThat(item.get("price").isNull()).isTrue();
        assertThat(item.get("due").isNull()).isTrue();
        assertThat(AcceptanceRunner.run(client, spec.spec().acceptance())).isEmpty();
    }

    @Test
    void replacesTheWholeObjectOnPut() {
        String id = client.post("/items", FULL).json().get("id").asText();

        Answer replaced = client.put("/items/" + id, "{\"id\":\"" + id + "\",\"code\":\"CD-34\",\"quantity\":5}");
        Answer otherId = client.put("/items/" + id,
                "{\"id\":\"00000000-0000-4000-8000-000000000000\",\"code\":\"CD-34\"}");
        Answer unknown = client.put("/items/00000000-0000-4000-8000-000000000000", "{\"code\":\"CD-34\"}");

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("id").asText()).isEqualTo(id);
        assertThat(replaced.json().get("quantity").asLong()).isEqualTo(5);
        assertThat(replaced.json().get("size").asText()).isEqualTo("m");
        assertThat(replaced.json().get("ownerId").isNull()).isTrue();
        assertThat(otherId.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(client.get("/items/" + id).json()).isEqualTo(replaced.json());
    }

    @Test
    void offersOnlyTheSpecsOperations() {
        String tag = client.post("/tags", "{\"name\":\"red\"}").json().get("id").asText();

        Answer delete = client.delete("/tags/" + tag);
        Answer put = client.put("/tags/" + tag, "{\"name\":\"blue\"}");
        Answer patch = client.send("PATCH", "/items", "{}");
        Answer postHealth = client.post("/health", "{}");

        assertThat(delete.status()).isEqualTo(405);
        assertThat(delete.contentType()).isEqualTo("application/problem+json");
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET");
        assertThat(put.status()).isEqualTo(405);
        assertThat(patch.status()).isEqualTo(405);
        assertThat(patch.headers().firstValue("Allow")).hasValue("GET, POST");
        assertThat(postHealth.status()).isEqualTo(405);
        assertThat(client.get("/tags/" + tag).status()).isEqualTo(200);
    }

    @Test
    void keepsDataAndCreationOrderAcrossRestarts() throws Exception {
        List<String> ids = List.of("AA-1", "BB-2", "CC-3").stream()
                .map(code -> client.post("/items", "{\"code\":\"" + code + "\"}").json().get("id").asText()).toList();
        client.put("/items/" + ids.get(0), "{\"code\":\"AA-9\"}");
        client.delete("/items/" + ids.get(1));

        product.stop();
        assertThat(product.log()).contains("stopped");
        Path journal = work.resolve("data").resolve("journal.jsonl");
        Files.writeString(journal, "{\"op\":\"put\",\"entity\":\"Item\",\"id\":\"torn", StandardOpenOption.APPEND);
        restart();

        assertThat(codes(client.get("/items").json())).containsExactly("AA-9", "CC-3");
        client.post("/items", "{\"code\":\"DD-4\"}");
        product.stop();
        restart();
        assertThat(codes(client.get("/items").json())).containsExactly("AA-9", "CC-3", "DD-4");
        assertThat(Files.readAllLines(journal)).hasSize(6).allMatch(line -> line.startsWith("{\"op\":"));
    }

    @Test
    void passesItsOwnTests() throws Exception {
        ProductBuild.ProcessResult result = build.runProductTest();

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).containsPattern("ProductTest: \\d+ passed, 0 failed");
    }

    private void restart() {
        product = RunningProduct.start(build.jar(), work.resolve("data"), work.resolve("product.log"));
        client = product.client();
    }

    private static List<String> codes(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.get("code").asText()).toList();
    }
}
