package dev.gigafactory.stacks.jdkhttp;

import dev.gigafactory.contracts.spec.FieldSpec;
import dev.gigafactory.contracts.spec.FieldType;
import java.util.Locale;

/**
 * One field of an entity. {@code name} is the JSON member name; {@code javaName} the record component, the same
 * unless the name is one a Java record cannot have (hashCode, toString, ...). {@code defaultValue} is the spec's
 * default already parsed to its Java type (String, Long, BigDecimal, Boolean, LocalDate, Instant, UUID), or null.
 */
public record FieldModel(FieldSpec spec, String name, String javaName, Object defaultValue) {

    public FieldType type() {
        return spec.type();
    }

    public boolean required() {
        return spec.isRequired();
    }

    public boolean hasDefault() {
        return defaultValue != null;
    }

    /** {@code shelfId} becomes {@code ShelfId}: the suffix of generated method names. */
    public String capitalized() {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * {@code shelfId} becomes {@code SHELF_ID}: the suffix of generated constant names. Distinct field names give
     * distinct suffixes, since field names have no underscores and an underscore marks each upper-case letter.
     */
    public String constantSuffix() {
        return name.replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT);
    }

    /** The Java type of the value in the generated record. */
    public String javaType() {
        return switch (type()) {
            case STRING, TEXT, ENUM -> "String";
            case INTEGER -> "Long";
            case DECIMAL -> "BigDecimal";
            case BOOLEAN -> "Boolean";
            case DATE -> "LocalDate";
            case DATETIME -> "Instant";
            case UUID -> "UUID";
        };
    }
}
