package dev.gigafactory.coder.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.coder.support.ProductBuild;
import dev.gigafactory.coder.support.RunningProduct;
import dev.gigafactory.coder.support.Specs;
import dev.gigafactory.testsupport.ProductClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec full of names and text that would break naive generation (a keyword as spec name, entities named List,
 * UUID, Instant and ProductTest, record-forbidden field names, escapes in patterns and defaults) still compiles
 * without a warning, passes its own tests and keeps every string exactly.
 */
class TrickyNamesProductIT {

    @TempDir
    Path work;

    @Test
    void compilesRunsAndKeepsEveryStringExactly() throws Exception {
        ProductBuild build = ProductBuild.of(Specs.testSpec("tricky-names.yaml"), 1, work);

        ProductBuild.ProcessResult tests = build.runProductTest();
        assertThat(tests.exitCode()).as(tests.output()).isZero();
        assertThat(build.manifest().getProperty("main-class")).isEqualTo("dev.gigafactory.product.pclass.Main");
        assertThat(build.tree().files()).containsKeys(
                "src/main/java/dev/gigafactory/product/pclass/ListEntity.java",
                "src/main/java/dev/gigafactory/product/pclass/ProductTestEntity.java",
                "src/main/java/dev/gigafactory/product/pclass/UUIDEntity.java");

        try (RunningProduct product = RunningProduct.start(build.jar(), work.resolve("data"), work.resolve("log"))) {
            ProductClient client = product.client();
            JsonNode created = client.post("/list-items", "{\"hashCode\":\"\\\"\\\\/A\"}").json();

            assertThat(created.get("hashCode").asText()).isEqualTo("\"\\/A");
            assertThat(created.get("wait").asText()).isEqualTo("1st");
            assertThat(created.get("toJson").asText()).isEqualTo("ends */ here\nnext \\u0022 line");
            assertThat(created.get("json").decimalValue()).isEqualByComparingTo("0.10");
            assertThat(client.post("/list-items", "{\"hashCode\":\"A\\\"\"}").status()).isEqualTo(400);
            assertThat(client.post("/list-items", "{\"hashCode\":\"\",\"value\":-9223372036854775808}").status())
                    .isEqualTo(201);
            assertThat(client.post("/uuids", "{}").json().get("body").asText())
                    .isEqualTo("6f9619ff-8b86-d011-b42d-00c04fc964ff");
            assertThat(client.post("/instants", "{\"serial\":\"SN-1234/x\"}").json().get("check").asText())
                    .isEqualTo("2024-01-31T08:15:30Z");
            assertThat(client.post("/instants", "{\"serial\":\"SN-1234\"}").status()).isEqualTo(400);
            assertThat(client.post("/productTests", "{}").status()).isEqualTo(404);
            assertThat(client.post("/producttests", "{\"errors\":true}").status()).isEqualTo(201);
        }
    }
}
