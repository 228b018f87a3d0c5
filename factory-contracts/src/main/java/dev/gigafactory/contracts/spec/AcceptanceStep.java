package dev.gigafactory.contracts.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record AcceptanceStep(Request request, Expectation expect, Map<String, String> save) {

    public AcceptanceStep {
        save = save == null ? Map.of() : save;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Request(String method, String path, JsonNode body) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Expectation(int status, JsonNode body) {
    }
}
