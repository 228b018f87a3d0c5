package dev.gigafactory.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.operator.testing.Specs;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CRD is the contracts' schema in Kubernetes' structural form, and the example files apply to it as they are. */
class ServiceSpecCrdTest {

    static final Path CHECKED_IN = Path.of("..", "deploy", "kubernetes", "base", "crds",
            "servicespecs.gigafactory.dev.yaml");

    @Test
    void theCheckedInCrdIsExactlyTheGeneratedOne() throws IOException {
        assertThat(Files.readString(CHECKED_IN))
                .as("regenerate: java -cp target/classes:target/lib/* %s %s", CrdWriter.class.getName(), CHECKED_IN)
                .isEqualTo(CrdWriter.yaml());
    }

    @Test
    void theCrdIsAValidApiextensionsObjectWithStatusAndPrinterColumns() throws IOException {
        CustomResourceDefinition crd = Serialization.unmarshal(Files.readString(CHECKED_IN),
                CustomResourceDefinition.class);

        assertThat(crd.getMetadata().getName()).isEqualTo("servicespecs.gigafactory.dev");
        assertThat(crd.getSpec().getGroup()).isEqualTo("gigafactory.dev");
        assertThat(crd.getSpec().getNames().getKind()).isEqualTo("ServiceSpec");
        CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
        assertThat(version.getName()).isEqualTo("v1alpha1");
        assertThat(version.getSubresources().getStatus()).isNotNull();
        assertThat(version.getAdditionalPrinterColumns()).extracting(c -> c.getName())
                .containsExactly("Stage", "Version", "Ready", "URL", "Age");
        assertThat(version.getSchema().getOpenAPIV3Schema().getProperties().get("status").getProperties())
                .containsKeys("stage", "version", "url", "observedGeneration", "conditions");
    }

    @Test
    void theSchemaIsStructural() {
        List<String> violations = StructuralRules.violations(ServiceSpecCrd.openApiSchema());

        assertThat(violations).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"todo.yaml", "library.yaml", "todo.json"})
    void theExampleFilesValidateAgainstTheCrdAndLoseNothingToPruning(String file) {
        JsonNode document = Specs.document(file);

        assertThat(OpenApiValidation.problems(ServiceSpecCrd.openApiSchema(), document)).isEmpty();
        assertThat(Pruning.prunedPaths(ServiceSpecCrd.openApiSchema(), document)).isEmpty();
    }

    @Test
    void aDocumentTheContractRefusesIsRefusedByTheApiServerToo() {
        ObjectNode document = (ObjectNode) Specs.document("todo.yaml");
        ((ObjectNode) document.get("spec")).put("stack", "cobol");
        ((ObjectNode) document.get("spec").get("entities").get(0)).put("name", "lowercase");
        ((ObjectNode) document.get("spec").get("entities").get(0).get("fields").get(0)).put("name", "id");

        List<String> problems = OpenApiValidation.problems(ServiceSpecCrd.openApiSchema(), document);

        assertThat(String.join("\n", problems)).contains("/spec/stack", "/spec/entities/0/name",
                "/spec/entities/0/fields/0/name");
    }

    @Test
    void noReferenceOrDraft2020KeywordIsLeft() {
        String schema = Json.writeString(ServiceSpecCrd.openApiSchema());

        assertThat(schema).doesNotContain("$ref", "$defs", "$schema", "\"const\"", "propertyNames", "uniqueItems");
    }
}
