package dev.gigafactory.operator.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.gigafactory.operator.crd.Pruning;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Validates a manifest: the operators' kinds against their published CRD schemas (deploy/kubernetes/schemas, see
 * its SOURCES.md), everything else as the typed fabric8 model, which knows every core kind and field: an unknown
 * kind, or a field the model does not have, is reported.
 */
final class Schemas {

    static final Path DIRECTORY = Wiring.ROOT.resolve("deploy/kubernetes/schemas");
    private final Map<String, JsonSchema> byKind = new HashMap<>();
    private final Map<String, JsonNode> rawByKind = new HashMap<>();

    Schemas() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                JsonNode crd = Yaml.read(Files.readString(file)).get(0);
                String group = crd.at("/spec/group").asText();
                for (JsonNode version : crd.at("/spec/versions")) {
                    String key = key(group + "/" + version.get("name").asText(), crd.at("/spec/names/kind").asText());
                    rawByKind.put(key, version.at("/schema/openAPIV3Schema"));
                    byKind.put(key,
                            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                                    .getSchema(version.at("/schema/openAPIV3Schema"), config));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> problems(JsonNode manifest) {
        String apiVersion = manifest.path("apiVersion").asText();
        String kind = manifest.path("kind").asText();
        String where = kind + "/" + manifest.at("/metadata/name").asText();
        JsonSchema schema = byKind.get(key(apiVersion, kind));
        if (schema != null) {
            List<String> problems = new ArrayList<>(schema.validate(manifest).stream()
                    .map(m -> where + m.getInstanceLocation() + ": " + m.getMessage()).toList());
            // the API server drops fields its schema does not declare: a silent misconfiguration
            Pruning.prunedPaths(rawByKind.get(key(apiVersion, kind)), manifest)
                    .forEach(path -> problems.add(where + path + ": not in the schema, the API server would prune it"));
            return problems;
        }
        if (apiVersion.contains(".") && !apiVersion.contains("k8s.io")) {
            return List.of(where + ": no schema for " + apiVersion);
        }
        KubernetesResource typed = Serialization.unmarshal(manifest.toString(), KubernetesResource.class);
        if (typed instanceof GenericKubernetesResource) {
            return List.of(where + ": not a Kubernetes kind");
        }
        List<String> unknown = new ArrayList<>();
        unknownFields(typed, where, unknown);
        return unknown;
    }

    /** fabric8 keeps what it does not know in additionalProperties: anything there is a misspelt or wrong field. */
    private static void unknownFields(Object node, String path, List<String> found) {
        if (node instanceof List<?> list) {
            list.forEach(item -> unknownFields(item, path + "[]", found));
            return;
        }
        if (node == null || !node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() > 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object value = getter.invoke(node);
                if (getter.getName().equals("getAdditionalProperties") && value instanceof Map<?, ?> extra
                        && !extra.isEmpty()) {
                    found.add(path + ": unknown fields " + extra.keySet());
                } else if (value instanceof Map<?, ?> map) {
                    map.values().forEach(v -> unknownFields(v, path + "." + getter.getName().substring(3), found));
                } else {
                    unknownFields(value, path + "." + getter.getName().substring(3), found);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + "|" + kind;
    }
}
