package dev.gigafactory.operator.crd;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The status subresource the operator writes: where the spec is in the pipeline, and three conditions. */
final class StatusSchema {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StatusSchema() {
    }

    static ObjectNode schema() {
        ObjectNode status = NODES.objectNode().put("type", "object");
        ObjectNode properties = status.putObject("properties");
        properties.putObject("stage").put("type", "string").put("description",
                "submitted, accepted, planned, coded, tested, waiting, deployed, degraded, healing, failed, rejected");
        properties.putObject("version").put("type", "integer").put("description", "the factory's version of the spec");
        properties.putObject("url").put("type", "string").put("description", "the deployed service's base URL");
        properties.putObject("observedGeneration").put("type", "integer").put("format", "int64")
                .put("description", "the newest generation published to the intake topic");
        properties.putObject("message").put("type", "string");
        ObjectNode conditions = properties.putObject("conditions").put("type", "array")
                .put("x-kubernetes-list-type", "map");
        conditions.putArray("x-kubernetes-list-map-keys").add("type");
        ObjectNode condition = conditions.putObject("items").put("type", "object");
        condition.putArray("required").add("type").add("status");
        ObjectNode fields = condition.putObject("properties");
        fields.putObject("type").put("type", "string").putArray("enum").add("Ready").add("Progressing").add("Degraded");
        fields.putObject("status").put("type", "string").putArray("enum").add("True").add("False").add("Unknown");
        fields.putObject("reason").put("type", "string");
        fields.putObject("message").put("type", "string");
        fields.putObject("lastTransitionTime").put("type", "string").put("format", "date-time");
        fields.putObject("observedGeneration").put("type", "integer").put("format", "int64");
        return status;
    }
}
