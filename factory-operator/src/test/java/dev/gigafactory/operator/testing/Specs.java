package dev.gigafactory.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.testsupport.ExampleSpecs;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The example specs of the repository, read as users' files and as resources. */
public final class Specs {

    private static final YAMLMapper YAML = new YAMLMapper();

    private Specs() {
    }

    public static JsonNode document(String file) {
        try {
            return YAML.readTree(ExampleSpecs.text(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** examples/specs/todo.yaml, renamed so each test has a spec of its own on the shared broker. */
    public static GenericKubernetesResource todo(String name) {
        ObjectNode document = (ObjectNode) document("todo.yaml");
        ((ObjectNode) document.get("metadata")).put("name", name);
        return Json.mapper().convertValue(document, GenericKubernetesResource.class);
    }
}
