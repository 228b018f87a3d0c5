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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library example: two entities, one with every field type, one with limited operations. */
class LibraryProductIT {

    @TempDir
    static Path work;

    static ServiceSpec spec;
    static ProductBuild build;
    static RunningProduct product;
    static ProductClient client;

    @BeforeAll
    static void start() {
        spec = Specs.example("library.yaml");
        build = ProductBuild.of(spec, 1, work);
        product = RunningProduct.start(build.jar(), work.resolve("data"), work.resolve("product.log"));
        client = product.client();
    }

    @AfterAll
    static void stop() {
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
    void refusesOperationsTheSpecLeavesOutWithAllowHeader() {
        String member = client.post("/members", "{\"name\":\"Ada\"}").json().get("id").asText();

        Answer delete = client.delete("/members/" + member);
        Answer put = client.put("/members/" + member, "{\"name\":\"Grace\"}");

        assertThat(delete.status()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET");
        assertThat(delete.json().get("title").asText()).isEqualTo("Method Not Allowed");
        assertThat(put.status()).isEqualTo(405);
        assertThat(client.get("/members/" + member).json().get("name").asText()).isEqualTo("Ada");
    }

    @Test
    void listsInCreationOrder() {
        client.post("/books", "{\"title\":\"First\"}");
        client.post("/books", "{\"title\":\"Second\"}");
        client.post("/books", "{\"title\":\"Third\"}");

        Answer list = client.get("/books");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsText("title")).containsSubsequence("First", "Second", "Third");
    }
}
