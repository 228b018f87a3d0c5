package dev.gigafactory.operator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.util.List;

/**
 * Validates a document as the API server would against a CRD's openAPIV3Schema. OpenAPI v3.0 schemas are JSON
 * Schema draft 4 in the keywords Kubernetes allows (boolean exclusiveMinimum included); the x-kubernetes-* keywords
 * only relax, so ignoring them never hides a refusal.
 */
final class OpenApiValidation {

    private OpenApiValidation() {
    }

    static List<String> problems(JsonNode openApiSchema, JsonNode document) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(openApiSchema, config)
                .validate(document).stream().map(message -> message.getInstanceLocation() + ": "
                        + message.getMessage())
                .sorted().toList();
    }
}
