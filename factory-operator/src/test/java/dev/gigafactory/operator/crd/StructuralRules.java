package dev.gigafactory.operator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rules the API server applies to a CRD's schema (apiextensions.k8s.io/v1, "structural schema"), checked here
 * because no API server runs in the tests: a type on every node unless it preserves unknown fields, no references,
 * only OpenAPI v3.0 keywords, nothing but value checks inside the junctors, and metadata restricted to its name.
 */
final class StructuralRules {

    private static final Set<String> KEYWORDS = Set.of("description", "type", "format", "title", "default", "maximum",
            "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems",
            "minItems", "multipleOf", "enum", "maxProperties", "minProperties", "required", "items", "allOf",
            "oneOf", "anyOf", "not", "properties", "additionalProperties", "nullable", "x-kubernetes-list-type",
            "x-kubernetes-list-map-keys", "x-kubernetes-map-type", "x-kubernetes-preserve-unknown-fields",
            "x-kubernetes-int-or-string", "x-kubernetes-embedded-resource", "x-kubernetes-validations");
    private static final Set<String> JUNCTORS = Set.of("allOf", "oneOf", "anyOf", "not");
    private static final Set<String> NOT_IN_JUNCTORS = Set.of("type", "additionalProperties", "default", "nullable",
            "description", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string");

    private StructuralRules() {
    }

    static List<String> violations(JsonNode root) {
        List<String> found = new ArrayList<>();
        if (!"object".equals(root.path("type").asText())) {
            found.add("/: the root must be of type object");
        }
        JsonNode metadata = root.path("properties").path("metadata");
        metadata.path("properties").fieldNames().forEachRemaining(name -> {
            if (!name.equals("name") && !name.equals("generateName")) {
                found.add("/properties/metadata: only name and generateName may be restricted, not " + name);
            }
        });
        check(root, "", false, found);
        return found;
    }

    private static void check(JsonNode node, String path, boolean inJunctor, List<String> found) {
        if (!node.isObject()) {
            found.add(path + ": a schema must be an object");
            return;
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!KEYWORDS.contains(key)) {
                found.add(path + ": " + key + " is not a Kubernetes schema keyword");
            }
            if (inJunctor && NOT_IN_JUNCTORS.contains(key)) {
                found.add(path + ": " + key + " is not allowed inside allOf/anyOf/oneOf/not");
            }
        });
        boolean free = node.path("x-kubernetes-preserve-unknown-fields").asBoolean()
                || node.path("x-kubernetes-int-or-string").asBoolean();
        if (!inJunctor && !free && !node.path("type").isTextual()) {
            found.add(path + ": every node needs a single type");
        }
        if (node.has("properties") && node.has("additionalProperties")) {
            found.add(path + ": properties and additionalProperties are mutually exclusive");
        }
        if (node.path("additionalProperties").isBoolean()) {
            found.add(path + ": additionalProperties must be a schema");
        }
        for (String flag : List.of("exclusiveMinimum", "exclusiveMaximum")) {
            if (node.has(flag) && !node.get(flag).isBoolean()) {
                found.add(path + ": " + flag + " must be a boolean in OpenAPI v3.0");
            }
        }
        node.path("properties").fields().forEachRemaining(
                p -> check(p.getValue(), path + "/properties/" + p.getKey(), inJunctor, found));
        if (node.has("items")) {
            check(node.get("items"), path + "/items", inJunctor, found);
        }
        if (node.path("additionalProperties").isObject()) {
            check(node.get("additionalProperties"), path + "/additionalProperties", inJunctor, found);
        }
        for (String junctor : JUNCTORS) {
            JsonNode value = node.get(junctor);
            if (value != null && value.isArray()) {
                value.forEach(item -> check(item, path + "/" + junctor, true, found));
            } else if (value != null) {
                check(value, path + "/" + junctor, true, found);
            }
        }
    }
}
