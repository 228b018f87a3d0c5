package dev.gigafactory.coder.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.coder.support.ProductBuild;
import dev.gigafactory.coder.support.RunningProduct;
import dev.gigafactory.coder.support.Specs;
import dev.gigafactory.testsupport.ProductClient;
import dev.gigafactory.testsupport.ProductClient.Answer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of every field type, broken one at a time over HTTP: each answer is a 400 naming the field. */
class EveryTypeValidationIT {

    @TempDir
    static Path work;

    static RunningProduct product;
    static ProductClient client;

    @BeforeAll
    static void start() {
        ProductBuild build = ProductBuild.of(Specs.testSpec("every-type.yaml"), 1, work);
        product = RunningProduct.start(build.jar(), work.resolve("data"), work.resolve("product.log"));
        client = product.client();
    }

    @AfterAll
    static void stop() {
        if (product != null) {
            product.stop();
        }
    }

    // Each row: the field, then a JSON member replacing it in an otherwise valid body {"code":"AB-12"}.
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            code     | 42
            code     | "A"
            code     | "ABCDEF-12"
            code     | "ab-12"
            code     | null
            note     | "no"
            note     | "012345678901234567890123456789012345678901234567890"
            note     | true
            quantity | 1.5
            quantity | "3"
            quantity | -6
            quantity | 11
            quantity | 9223372036854775808
            quantity | 1e2
            price    | 0.49
            price    | 100
            price    | "1"
            active   | "true"
            active   | 1
            due      | "2024-02-30"
            due      | "31/01/2024"
            due      | 20240131
            seenAt   | "2024-01-31"
            seenAt   | "yesterday"
            ownerId  | "123"
            ownerId  | "123e4567-e89b-42d3-a456-42661417400g"
            size     | "xl"
            size     | "M"
            size     | []
            label    | ""
            label    | {}
            colour   | "red"
            id       | "7a1f3c52-0000-4000-8000-000000000000"
            """)
    void refusesABodyThatBreaksOneRule(String field, String json) {
        String body = field.equals("code")
                ? "{\"code\":" + json + "}"
                : "{\"code\":\"AB-12\",\"" + field + "\":" + json + "}";

        Answer answer = client.post("/items", body);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(400);
        assertThat(fieldsNamed(answer)).isNotEmpty().containsOnly(field);
        assertThat(answer.json().get("errors").get(0).get("message").asText()).isNotBlank();
    }

    @Test
    void namesEveryInvalidFieldAtOnce() {
        Answer answer = client.post("/items", "{\"quantity\":\"x\",\"size\":\"xl\",\"colour\":1}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fieldsNamed(answer)).containsExactlyInAnyOrder("code", "quantity", "size", "colour");
        assertThat(answer.json().get("detail").asText()).isEqualTo("4 fields are invalid");
    }

    @Test
    void validatesAReplacementLikeACreation() {
        String id = client.post("/items", "{\"code\":\"AB-12\"}").json().get("id").asText();

        Answer answer = client.put("/items/" + id, "{\"code\":\"AB-12\",\"quantity\":99}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fieldsNamed(answer)).containsExactly("quantity");
        assertThat(client.get("/items/" + id).json().get("quantity").asLong()).isEqualTo(1);
    }

    @ParameterizedTest(name = "body: {0}")
    @ValueSource(strings = {"", "{", "not json", "[]", "\"text\"", "42", "null", "{\"code\":\"AB-12\"} trailing",
            "{\"code\":\"AB-12\",\"code\":\"CD-34\"}", "{\"code\":\"AB-12\",}", "{'code':'AB-12'}"})
    void refusesABodyThatIsNotOneJsonObject(String body) {
        Answer answer = client.post("/items", body);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.json().get("detail").asText()).startsWith("the body");
    }

    @Test
    void refusesABodyThatIsNotUtf8() {
        byte[] latin1 = "{\"code\":\"AB-12\",\"label\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        Answer answer = client.sendBytes("POST", "/items", latin1);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asText()).contains("UTF-8");
    }

    @Test
    void refusesABodyOverOneMebibyte() {
        String big = "{\"code\":\"AB-12\",\"label\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";

        Answer answer = client.post("/items", big);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(client.get("/health").status()).isEqualTo(200);
    }

    private static List<String> fieldsNamed(Answer answer) {
        List<String> fields = new ArrayList<>();
        for (JsonNode error : answer.json().get("errors")) {
            fields.add(error.get("field").asText());
        }
        return fields;
    }
}
