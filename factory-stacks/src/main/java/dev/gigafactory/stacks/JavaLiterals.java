package dev.gigafactory.stacks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Java source text for values taken from a spec. Strings come out as pure ASCII literals: every backslash, quote,
 * control and non-ASCII character is escaped, so no spec text can end a literal early or smuggle code in (a doubled
 * backslash also keeps javac from reading a {@code \}{@code u} in the spec as a Unicode escape).
 */
public final class JavaLiterals {

    private JavaLiterals() {
    }

    public static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    public static String stringSet(List<String> values) {
        return values.stream().map(JavaLiterals::string).collect(Collectors.joining(", ", "Set.of(", ")"));
    }

    public static String decimal(BigDecimal value) {
        return "new BigDecimal(" + string(value.toString()) + ")";
    }

    /** A typed value as a Java expression of that type (Long, BigDecimal, Boolean, String, LocalDate, ...). */
    public static String value(Object value) {
        if (value instanceof String text) {
            return string(text);
        }
        if (value instanceof Long number) {
            return number + "L";
        }
        if (value instanceof BigDecimal number) {
            return decimal(number);
        }
        if (value instanceof Boolean flag) {
            return flag ? "Boolean.TRUE" : "Boolean.FALSE";
        }
        if (value instanceof LocalDate date) {
            return "LocalDate.parse(" + string(date.toString()) + ")";
        }
        if (value instanceof Instant instant) {
            return "Instant.parse(" + string(instant.toString()) + ")";
        }
        if (value instanceof UUID uuid) {
            return "UUID.fromString(" + string(uuid.toString()) + ")";
        }
        throw new IllegalArgumentException("no Java literal for " + value.getClass().getName());
    }
}
