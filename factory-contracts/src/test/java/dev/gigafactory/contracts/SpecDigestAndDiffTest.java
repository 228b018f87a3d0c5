package dev.gigafactory.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.events.SpecChange;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.contracts.spec.SpecDiff;
import dev.gigafactory.contracts.spec.SpecDigest;
import dev.gigafactory.contracts.validation.SpecValidator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpecDigestAndDiffTest {

    private static final String YAML = """
            apiVersion: gigafactory.dev/v1alpha1
            kind: ServiceSpec
            metadata: { name: notes }
            spec:
              entities:
                - name: Note
                  fields: [ { name: text, type: string, required: true } ]
            """;

    private static final String SAME_AS_JSON_WITH_DEFAULTS_SPELLED_OUT = """
            {"spec": {"replicas": 1, "stack": "jdk-http", "slo": {"latencyP99Ms": 250, "availability": 99.50},
              "entities": [{"fields": [{"required": true, "type": "string", "name": "text"}], "name": "Note",
              "plural": "notes", "operations": ["delete", "update", "list", "get", "create"]}]},
             "metadata": {"name": "notes"}, "kind": "ServiceSpec", "apiVersion": "gigafactory.dev/v1alpha1"}
            """;

    @Test
    void equalMeaningHasEqualDigestWhateverTheFormatOrOrder() {
        assertThat(SpecDigest.of(parse(SAME_AS_JSON_WITH_DEFAULTS_SPELLED_OUT))).isEqualTo(SpecDigest.of(parse(YAML)));
    }

    @Test
    void aRealChangeChangesTheDigest() {
        ServiceSpec changed = parse(YAML.replace("required: true", "required: false"));

        assertThat(SpecDigest.of(changed)).isNotEqualTo(SpecDigest.of(parse(YAML)));
    }

    @Test
    void listsFieldsEntitiesAndOperationsThatChanged() {
        ServiceSpec before = parse(YAML);
        ServiceSpec after = parse(YAML.replace("fields: [ { name: text, type: string, required: true } ]",
                "operations: [create, get]\n      fields: [ { name: text, type: text }, { name: pinned, "
                        + "type: boolean } ]\n    - name: Tag\n      fields: [ { name: label, type: string } ]"));

        assertThat(SpecDiff.between(before, after)).containsExactlyInAnyOrder(
                SpecChange.added("entity", "Tag"),
                SpecChange.removed("operation", "Note.list"),
                SpecChange.removed("operation", "Note.update"),
                SpecChange.removed("operation", "Note.delete"),
                SpecChange.changed("field", "Note.text"),
                SpecChange.added("field", "Note.pinned"));
    }

    @Test
    void reorderedFieldsOrEntitiesChangeTheEntitiesThatMoved() {
        String two = YAML.replace("fields: [ { name: text, type: string, required: true } ]",
                "fields: [ { name: text, type: string, required: true }, { name: pinned, type: boolean } ]\n"
                        + "    - name: Tag\n      fields: [ { name: label, type: string } ]\n"
                        + "    - name: Board\n      fields: [ { name: title, type: string } ]");
        String fieldsSwapped = two.replace("{ name: text, type: string, required: true }, { name: pinned, type: "
                + "boolean }", "{ name: pinned, type: boolean }, { name: text, type: string, required: true }");
        String entitiesSwapped = two.replace("Tag\n      fields: [ { name: label", "Tmp")
                .replace("Board\n      fields: [ { name: title", "Tag\n      fields: [ { name: label")
                .replace("Tmp", "Board\n      fields: [ { name: title");

        assertThat(SpecDiff.between(parse(two), parse(fieldsSwapped)))
                .containsExactly(SpecChange.changed("entity", "Note"));
        assertThat(SpecDiff.between(parse(two), parse(entitiesSwapped)))
                .containsExactlyInAnyOrder(SpecChange.changed("entity", "Tag"), SpecChange.changed("entity", "Board"));
    }

    @Test
    void theFirstVersionAddsEverything() {
        assertThat(SpecDiff.between(null, parse(YAML))).containsExactly(SpecChange.added("entity", "Note"));
    }

    @Test
    void anUnchangedSpecHasNoChanges() {
        assertThat(SpecDiff.between(parse(YAML), parse(SAME_AS_JSON_WITH_DEFAULTS_SPELLED_OUT))).isEmpty();
    }

    private static ServiceSpec parse(String text) {
        var result = new SpecValidator().validate(text.getBytes(StandardCharsets.UTF_8));
        assertThat(result.problems()).isEmpty();
        return result.spec();
    }
}
