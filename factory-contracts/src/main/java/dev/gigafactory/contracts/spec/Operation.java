package dev.gigafactory.contracts.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The five operations a generated service can offer on an entity. */
public enum Operation {
    CREATE, GET, LIST, UPDATE, DELETE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Operation fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
