package dev.gigafactory.contracts.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldSpec(
        String name,
        FieldType type,
        Boolean required,
        @JsonProperty("default") JsonNode defaultValue,
        Integer minLength,
        Integer maxLength,
        String pattern,
        BigDecimal minimum,
        BigDecimal maximum,
        List<String> values) {

    public boolean isRequired() {
        return Boolean.TRUE.equals(required);
    }

    public boolean hasDefault() {
        return defaultValue != null && !defaultValue.isNull();
    }

    FieldSpec normalized() {
        return new FieldSpec(name, type, isRequired(), defaultValue, minLength, maxLength, pattern,
                minimum == null ? null : new BigDecimal(minimum.stripTrailingZeros().toPlainString()),
                maximum == null ? null : new BigDecimal(maximum.stripTrailingZeros().toPlainString()), values);
    }
}
