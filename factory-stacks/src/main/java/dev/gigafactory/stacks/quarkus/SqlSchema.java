package dev.gigafactory.stacks.quarkus;

import dev.gigafactory.contracts.spec.FieldType;
import dev.gigafactory.stacks.jdkhttp.EntityModel;
import dev.gigafactory.stacks.jdkhttp.FieldModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * How the product model maps to PostgreSQL. Every identifier is quoted, so a field called {@code order} or
 * {@code user} needs no special case. Constraints other than NOT NULL live in Bean Validation, not in the schema:
 * changing a length or a bound then never needs a migration that could fail on rows already stored.
 */
final class SqlSchema {

    /** Columns every table has; spec field names never start with '_' nor are {@code id}, so none clashes. */
    static final String ID = "\"id\"";
    static final String ORDER = "\"_created\"";

    private SqlSchema() {
    }

    static String table(EntityModel entity) {
        return quoted(snake(entity.name()));
    }

    static String column(FieldModel field) {
        return quoted(snake(field.name()));
    }

    /** {@code reorderAt} gives {@code reorder_at}; {@code UUIDEntity} gives {@code uuid_entity}. */
    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
                .toLowerCase(Locale.ROOT);
    }

    static String quoted(String identifier) {
        return "\"" + identifier + "\"";
    }

    static String type(FieldType type) {
        return switch (type) {
            case STRING, TEXT, ENUM -> "text";
            case INTEGER -> "bigint";
            case DECIMAL -> "numeric";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case DATETIME -> "timestamp with time zone";
            case UUID -> "uuid";
        };
    }

    /** The column as CREATE TABLE and ADD COLUMN write it: name, type, default, NOT NULL. */
    static String definition(FieldModel field, boolean notNull) {
        return column(field) + " " + type(field.type())
                + (field.hasDefault() ? " DEFAULT " + literal(field.defaultValue()) : "")
                + (notNull ? " NOT NULL" : "");
    }

    /** A default already parsed to its Java type as SQL; text is quoted with quotes doubled, so it cannot end early. */
    static String literal(Object value) {
        if (value instanceof String text) {
            return "'" + text.replace("'", "''") + "'";
        }
        if (value instanceof Long || value instanceof BigDecimal) {
            return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        }
        if (value instanceof Boolean flag) {
            return flag ? "TRUE" : "FALSE";
        }
        if (value instanceof LocalDate date) {
            return "DATE '" + date + "'";
        }
        if (value instanceof Instant instant) {
            return "TIMESTAMP WITH TIME ZONE '" + instant + "'";
        }
        if (value instanceof UUID uuid) {
            return "'" + uuid + "'::uuid";
        }
        throw new IllegalArgumentException("no SQL literal for " + value.getClass().getName());
    }
}
