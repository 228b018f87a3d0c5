package dev.gigafactory.operator.kube;

import dev.gigafactory.contracts.codec.Json;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The ServiceSpec document a resource stands for: what a user would publish on the intake topic themselves. */
public final class SpecDocument {

    private SpecDocument() {
    }

    public static byte[] of(GenericKubernetesResource resource) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", resource.getMetadata().getName());
        Map<String, String> labels = spread(resource.getMetadata().getLabels());
        if (!labels.isEmpty()) {
            metadata.put("labels", labels);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("apiVersion", resource.getApiVersion());
        document.put("kind", resource.getKind());
        document.put("metadata", metadata);
        document.put("spec", resource.getAdditionalProperties().get("spec"));
        return Json.write(document);
    }

    /**
     * The spec's own labels. Prefixed keys ({@code app.kubernetes.io/name}, {@code kustomize.toolkit.fluxcd.io/...})
     * are the cluster's bookkeeping, not part of what the user asked the factory for, and the spec format has none.
     */
    private static Map<String, String> spread(Map<String, String> labels) {
        Map<String, String> own = new TreeMap<>();
        if (labels != null) {
            labels.forEach((key, value) -> {
                if (!key.contains("/")) {
                    own.put(key, value);
                }
            });
        }
        return own;
    }
}
