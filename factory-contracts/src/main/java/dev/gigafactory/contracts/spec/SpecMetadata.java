package dev.gigafactory.contracts.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.TreeMap;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpecMetadata(String name, Map<String, String> labels) {

    SpecMetadata normalized() {
        return new SpecMetadata(name, labels == null ? Map.of() : new TreeMap<>(labels));
    }
}
