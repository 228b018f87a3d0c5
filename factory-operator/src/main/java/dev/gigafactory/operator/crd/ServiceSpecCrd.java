package dev.gigafactory.operator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.validation.SchemaCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The CustomResourceDefinition {@code servicespecs.gigafactory.dev}, built from the contracts' JSON Schema (the one
 * definition of the format) plus the status the operator writes. {@link CrdWriter} writes it under deploy/.
 */
public final class ServiceSpecCrd {

    public static final String GROUP = "gigafactory.dev";
    public static final String VERSION = "v1alpha1";
    public static final String KIND = "ServiceSpec";
    public static final String PLURAL = "servicespecs";
    public static final String NAME = PLURAL + "." + GROUP;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ServiceSpecCrd() {
    }

    public static ObjectNode definition() {
        ObjectNode crd = NODES.objectNode();
        crd.put("apiVersion", "apiextensions.k8s.io/v1");
        crd.put("kind", "CustomResourceDefinition");
        crd.putObject("metadata").put("name", NAME).putObject("annotations").put("gigafactory.dev/generated-from",
                "factory-contracts "
                        + SchemaCheck.SCHEMA_RESOURCE.substring(SchemaCheck.SCHEMA_RESOURCE.lastIndexOf('/') + 1));
        ObjectNode spec = crd.putObject("spec");
        spec.put("group", GROUP);
        spec.put("scope", "Namespaced");
        ObjectNode names = spec.putObject("names");
        names.put("kind", KIND).put("listKind", KIND + "List").put("plural", PLURAL).put("singular", "servicespec");
        names.putArray("shortNames").add("ss");
        names.putArray("categories").add("gigafactory");
        ObjectNode version = spec.putArray("versions").addObject();
        version.put("name", VERSION).put("served", true).put("storage", true);
        version.putObject("subresources").putObject("status");
        version.set("additionalPrinterColumns", printerColumns());
        version.putObject("schema").set("openAPIV3Schema", openApiSchema());
        return crd;
    }

    /** The resource's schema: the document's (apiVersion, kind, metadata are the API server's) plus the status. */
    public static ObjectNode openApiSchema() {
        ObjectNode schema = StructuralSchema.of(contractSchema());
        ObjectNode properties = (ObjectNode) schema.get("properties");
        properties.putObject("apiVersion").put("type", "string");
        properties.putObject("kind").put("type", "string");
        // Kubernetes allows a CRD to restrict only metadata.name; labels are checked by the intake
        ObjectNode name = (ObjectNode) properties.path("metadata").path("properties").path("name");
        ObjectNode metadata = properties.putObject("metadata").put("type", "object");
        metadata.putObject("properties").set("name", name);
        properties.set("status", StatusSchema.schema());
        schema.remove("title");
        schema.putArray("required").add("spec");
        return schema;
    }

    public static JsonNode contractSchema() {
        try (InputStream in = SchemaCheck.openSchema()) {
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArrayNode printerColumns() {
        ArrayNode columns = NODES.arrayNode();
        column(columns, "Stage", "string", ".status.stage");
        column(columns, "Version", "integer", ".status.version");
        column(columns, "Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status");
        column(columns, "URL", "string", ".status.url");
        column(columns, "Age", "date", ".metadata.creationTimestamp");
        return columns;
    }

    private static void column(ArrayNode columns, String name, String type, String path) {
        columns.addObject().put("name", name).put("type", type).put("jsonPath", path);
    }
}
