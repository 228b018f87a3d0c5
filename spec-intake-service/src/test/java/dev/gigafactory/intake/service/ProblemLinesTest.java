package dev.gigafactory.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.intake.Specs;
import org.junit.jupiter.api.Test;

class ProblemLinesTest {

    private static final String YAML = """
            apiVersion: gigafactory.dev/v1alpha1
            kind: ServiceSpec
            metadata:
              name: lines
            spec:
              entities:
                - name: note
                  fields:
                    - { name: text, type: blob }
                    - name: pinned
                      type: boolean
            """;

    @Test
    void findsTheLineOfEachPointerInYaml() {
        ProblemLines lines = ProblemLines.of(Specs.bytes(YAML));

        assertThat(lines.lineOf("/metadata/name", "")).isEqualTo(4);
        assertThat(lines.lineOf("/spec/entities/0/name", "")).isEqualTo(7);
        assertThat(lines.lineOf("/spec/entities/0/fields/0/type", "")).isEqualTo(9);
        assertThat(lines.lineOf("/spec/entities/0/fields/1", "")).isEqualTo(10);
        assertThat(lines.lineOf("/spec/entities/0/fields/1/type", "")).isEqualTo(11);
    }

    @Test
    void aMissingFieldIsShownWhereItsObjectIs() {
        ProblemLines lines = ProblemLines.of(Specs.bytes(YAML));

        assertThat(lines.lineOf("/spec/acceptance", "required")).isEqualTo(5);
        assertThat(lines.lineOf("/spec/entities/0/fields/1/maxLength", "")).isEqualTo(10);
    }

    @Test
    void findsLinesInJsonToo() {
        ProblemLines lines = ProblemLines.of(Specs.bytes("{\n  \"metadata\": {\n    \"name\": \"Bad\"\n  }\n}"));

        assertThat(lines.lineOf("/metadata/name", "")).isEqualTo(3);
    }

    @Test
    void aDocumentThatCannotBeReadTakesTheLineItsParserNamed() {
        ProblemLines lines = ProblemLines.of(Specs.bytes("a: [1, 2\nb: c: d"));

        assertThat(lines.lineOf("", "could not parse: mapping values are not allowed here\n in 'reader', line 2,"
                + " column 5")).isEqualTo(2);
        assertThat(lines.lineOf("", "the document is empty")).isNull();
    }
}
