package dev.gigafactory.operator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields the API server would silently drop from a document (pruning of fields the schema does not declare):
 * a ServiceSpec applied with kubectl must reach the factory with every field its author wrote.
 */
public final class Pruning {

    private Pruning() {
    }

    public static List<String> prunedPaths(JsonNode schema, JsonNode document) {
        List<String> pruned = new ArrayList<>();
        document.fieldNames().forEachRemaining(key -> {
            // the API server keeps apiVersion, kind and all of metadata whatever the schema says
            if (!List.of("apiVersion", "kind", "metadata").contains(key)) {
                walk(schema.path("properties").path(key), document.get(key), "/" + key, pruned);
            }
        });
        return pruned;
    }

    private static void walk(JsonNode schema, JsonNode value, String path, List<String> pruned) {
        if (schema.isMissingNode()) {
            pruned.add(path);
            return;
        }
        if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            return;
        }
        if (value.isObject()) {
            value.fields().forEachRemaining(field -> {
                JsonNode child = schema.has("additionalProperties")
                        ? schema.get("additionalProperties")
                        : schema.path("properties").path(field.getKey());
                walk(child, field.getValue(), path + "/" + field.getKey(), pruned);
            });
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                walk(schema.path("items"), value.get(i), path + "/" + i, pruned);
            }
        }
    }
}
