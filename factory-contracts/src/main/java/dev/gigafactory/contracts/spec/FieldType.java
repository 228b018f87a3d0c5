package dev.gigafactory.contracts.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum FieldType {
    STRING, TEXT, INTEGER, DECIMAL, BOOLEAN, DATE, DATETIME, UUID, ENUM;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FieldType fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }

    public boolean hasLength() {
        return this == STRING || this == TEXT;
    }
}
