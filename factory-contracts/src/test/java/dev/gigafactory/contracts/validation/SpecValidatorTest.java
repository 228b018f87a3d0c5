package dev.gigafactory.contracts.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {

    private final SpecValidator validator = new SpecValidator();

    @Test
    void acceptsEveryExampleSpec() throws IOException {
        try (var examples = Files.list(Path.of("..", "examples", "specs"))) {
            examples.forEach(file -> {
                ValidationResult result = validator.validate(read(file));
                assertThat(result.problems()).as(file.toString()).isEmpty();
                assertThat(result.spec().name()).isNotBlank();
            });
        }
    }

    @Test
    void acceptsEveryStackAndNamesThemWhenOneIsUnknown() {
        String yaml = """
                apiVersion: gigafactory.dev/v1alpha1
                kind: ServiceSpec
                metadata: { name: shelf }
                spec:
                  stack: %s
                  entities:
                    - name: Book
                      fields: [ { name: title, type: string } ]
                """;

        assertThat(validator.validate(yaml.formatted("quarkus").getBytes(StandardCharsets.UTF_8)).spec().spec()
                .stack()).isEqualTo("quarkus");
        assertThat(validator.validate(yaml.formatted("jdk-http").getBytes(StandardCharsets.UTF_8)).problems())
                .isEmpty();
        assertThat(validator.validate(yaml.formatted("rails").getBytes(StandardCharsets.UTF_8)).problems())
                .singleElement().satisfies(problem -> {
                    assertThat(problem.pointer()).isEqualTo("/spec/stack");
                    assertThat(problem.message()).contains("jdk-http").contains("quarkus");
                });
    }

    @Test
    void listsEveryProblemAtOnce() {
        String yaml = """
                apiVersion: gigafactory.dev/v1alpha1
                kind: ServiceSpec
                metadata: { name: Bad_Name }
                spec:
                  entities:
                    - name: todo
                      fields: [ { name: class, type: blob } ]
                """;

        ValidationResult result = validator.validate(yaml.getBytes(StandardCharsets.UTF_8));

        assertThat(result.problems()).extracting(Problem::pointer).contains("/metadata/name",
                "/spec/entities/0/name", "/spec/entities/0/fields/0/type");
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] latin1 = "name: caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);

        ValidationResult result = validator.validate(latin1);

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.pointer()).isEmpty();
            assertThat(problem.message()).contains("UTF-8");
        });
    }

    @Test
    void refusesBinaryGarbageAndEmptyRecords() {
        assertThat(validator.validate(new byte[]{0, 1, 2, (byte) 0xff}).problems()).hasSize(1);
        assertThat(validator.validate(new byte[0]).problems().get(0).message()).contains("empty");
        assertThat(validator.validate((byte[]) null).problems().get(0).message()).contains("empty");
    }

    @Test
    void refusesADocumentOverTheSizeLimitBeforeParsingIt() {
        byte[] huge = ("# " + "x".repeat(DocumentReader.MAX_DOCUMENT_BYTES)).getBytes(StandardCharsets.UTF_8);

        ValidationResult result = validator.validate(huge);

        assertThat(result.problems().get(0).message()).contains("limit is " + DocumentReader.MAX_DOCUMENT_BYTES);
    }

    @Test
    void keepsTheNameOfARejectedDocumentWhenItIsReadable() {
        String yaml = "apiVersion: gigafactory.dev/v1alpha1\nkind: ServiceSpec\nmetadata: {name: shop}\nspec: {}\n";

        ValidationResult result = validator.validate(yaml.getBytes(StandardCharsets.UTF_8));

        assertThat(result.nameIfKnown()).contains("shop");
        assertThat(result.problems()).extracting(Problem::pointer).contains("/spec/entities");
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
