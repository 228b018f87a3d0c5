package dev.gigafactory.operator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Turns the contracts' JSON Schema (draft 2020-12) into a Kubernetes structural OpenAPI v3 schema, so the CRD never
 * copies the format by hand. What Kubernetes cannot express is left to the intake, which validates every document
 * against the full schema anyway: {@code propertyNames}, {@code uniqueItems} and {@code additionalProperties: false}
 * (the API server prunes unknown fields instead; a test checks that no valid document loses a field to pruning).
 */
public final class StructuralSchema {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Keywords Kubernetes rejects or does not know; the intake still checks all of them. */
    private static final Set<String> DROPPED = Set.of("$schema", "$id", "$defs", "propertyNames", "uniqueItems");
    private static final Set<String> JUNCTORS = Set.of("not", "allOf", "anyOf", "oneOf");

    private final JsonNode defs;

    private StructuralSchema(JsonNode root) {
        this.defs = root.path("$defs");
    }

    /** The structural form of a whole JSON Schema document. */
    public static ObjectNode of(JsonNode jsonSchema) {
        return new StructuralSchema(jsonSchema).convert(jsonSchema, true);
    }

    private ObjectNode convert(JsonNode node, boolean typed) {
        JsonNode schema = resolve(node);
        ObjectNode out = NODES.objectNode();
        if (schema.isEmpty() || schema.path("type").isArray()) {
            // free-form (an acceptance body, a default of any scalar type): keep whatever the user wrote
            out.put("x-kubernetes-preserve-unknown-fields", true);
            copyDescription(schema, out);
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (DROPPED.contains(key) || key.equals("$ref")) {
                continue;
            }
            switch (key) {
                case "properties" -> out.set(key, properties(value));
                case "items" -> out.set(key, convert(value, true));
                case "additionalProperties" -> {
                    if (value.isObject()) {
                        out.set(key, convert(value, true));
                    }
                }
                case "const" -> out.set("enum", NODES.arrayNode().add(value));
                case "exclusiveMinimum", "exclusiveMaximum" -> exclusive(out, key, value);
                default -> out.set(key, JUNCTORS.contains(key) ? junctor(value) : value.deepCopy());
            }
        }
        if (typed && !out.has("type") && !out.has("x-kubernetes-preserve-unknown-fields")) {
            out.put("type", inferType(out));
        }
        return out;
    }

    private ObjectNode properties(JsonNode properties) {
        ObjectNode out = NODES.objectNode();
        properties.fields()
                .forEachRemaining(property -> out.set(property.getKey(), convert(property.getValue(), true)));
        return out;
    }

    /** Inside not/allOf/anyOf/oneOf Kubernetes forbids {@code type}: only value checks stay there. */
    private JsonNode junctor(JsonNode value) {
        if (value.isArray()) {
            ArrayNode out = NODES.arrayNode();
            value.forEach(item -> out.add(convert(item, false)));
            return out;
        }
        return convert(value, false);
    }

    /** OpenAPI 3.0 (what Kubernetes speaks) has a boolean flag beside minimum/maximum, not a number. */
    private static void exclusive(ObjectNode out, String key, JsonNode value) {
        out.set(key.equals("exclusiveMinimum") ? "minimum" : "maximum", value.deepCopy());
        out.put(key, true);
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        String prefix = "#/$defs/";
        if (!ref.asText().startsWith(prefix) || defs.path(ref.asText().substring(prefix.length())).isMissingNode()) {
            throw new IllegalArgumentException("cannot inline " + ref.asText());
        }
        return resolve(defs.get(ref.asText().substring(prefix.length())));
    }

    private static String inferType(ObjectNode schema) {
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        }
        JsonNode values = schema.path("enum");
        if (values.isArray() && !values.isEmpty()) {
            JsonNode first = values.get(0);
            return first.isTextual()
                    ? "string"
                    : first.isBoolean()
                            ? "boolean"
                            : first.isIntegralNumber()
                                    ? "integer"
                                    : "number";
        }
        throw new IllegalArgumentException("no type can be inferred for " + schema);
    }

    private static void copyDescription(JsonNode schema, ObjectNode out) {
        if (schema.has("description")) {
            out.set("description", schema.get("description"));
        }
    }
}
