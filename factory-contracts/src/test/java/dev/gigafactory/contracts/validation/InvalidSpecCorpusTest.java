package dev.gigafactory.contracts.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.codec.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The malformed-spec corpus: one file per case under src/test/resources, each naming the JSON pointer its problem
 * must be reported at. Valid except for the one defect, so the pointer proves the validator found the right thing.
 */
class InvalidSpecCorpusTest {

    private static final SpecValidator VALIDATOR = new SpecValidator();

    static Stream<Arguments> specs() throws IOException {
        return files("invalid-specs").map(file -> Arguments.of(file.getFileName().toString(), file));
    }

    static Stream<Arguments> documents() throws IOException {
        return files("invalid-documents").map(file -> Arguments.of(file.getFileName().toString(), file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void reportsTheDefectAtItsPointer(String name, Path file) throws IOException {
        JsonNode corpusCase = Json.mapper().readTree(file.toFile());
        String expected = corpusCase.get("expectPointer").asText();
        byte[] document = Json.write(corpusCase.get("document"));

        ValidationResult result = VALIDATOR.validate(document);

        assertThat(result.isValid()).as("a defective document is rejected").isFalse();
        assertThat(result.problems()).extracting(Problem::pointer).contains(expected);
        assertThat(result.problems()).allSatisfy(problem -> assertThat(problem.message()).isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void refusesAnUnreadableDocumentAsAWhole(String name, Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String expectation = text.lines().findFirst().orElseThrow();
        String expectedMessage = expectation.replaceFirst("^# expect: \"\" ", "");

        ValidationResult result = VALIDATOR.validate(text.getBytes(StandardCharsets.UTF_8));

        assertThat(result.isValid()).isFalse();
        assertThat(result.problems()).hasSize(1);
        assertThat(result.problems().get(0).pointer()).isEmpty();
        assertThat(result.problems().get(0).message()).containsIgnoringCase(expectedMessage);
    }

    private static Stream<Path> files(String corpus) throws IOException {
        return Files.list(Path.of("src", "test", "resources", corpus)).sorted();
    }
}
