package dev.gigafactory.tester.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gigafactory.contracts.spec.FieldSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Values for a field: one that keeps every rule the spec gives it, and one per rule that breaks only that rule. */
final class SampleValues {

    /** A value breaking one rule, and the rule's name for the case. */
    record Violation(String rule, JsonNode value) {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> PATTERN_CANDIDATES = List.of("a", "A", "abc", "ABC", "AB-12", "ab-12", "a1",
            "A1", "0", "1", "123", "abc-123", "x@example.com", "2024-01-31");
    private static final List<String> NON_MATCHING = List.of("~", "!!", " ", "\u00e9\u00e9\u00e9", "");

    private SampleValues() {
    }

    static Optional<JsonNode> valid(FieldSpec field) {
        return switch (field.type()) {
            case STRING -> validString(field).map(JSON::textNode);
            case TEXT -> Optional.of(JSON.textNode(padded("text", field)));
            case INTEGER -> Optional.of(JSON.numberNode(clamp(BigDecimal.ONE, field).toBigInteger()));
            case DECIMAL -> Optional.of(JSON.numberNode(clamp(new BigDecimal("1.5"), field)));
            case BOOLEAN -> Optional.of(JSON.booleanNode(true));
            case DATE -> Optional.of(JSON.textNode("2024-01-31"));
            case DATETIME -> Optional.of(JSON.textNode("2024-01-31T10:15:30Z"));
            case UUID -> Optional.of(JSON.textNode("7a1f3c52-0000-4000-8000-000000000000"));
            case ENUM -> field.values() == null || field.values().isEmpty()
                    ? Optional.empty()
                    : Optional.of(JSON.textNode(field.values().get(0)));
        };
    }

    static List<Violation> violations(FieldSpec field) {
        List<Violation> out = new ArrayList<>();
        switch (field.type()) {
            case STRING, TEXT -> {
                out.add(new Violation("wrong type (a number)", JSON.numberNode(42)));
                if (field.maxLength() != null) {
                    out.add(new Violation("maxLength+1 (" + (field.maxLength() + 1) + " chars)",
                            JSON.textNode("x".repeat(field.maxLength() + 1))));
                }
                if (field.minLength() != null && field.minLength() > 0) {
                    out.add(new Violation("minLength-1 (" + (field.minLength() - 1) + " chars)",
                            JSON.textNode("x".repeat(field.minLength() - 1))));
                }
                nonMatching(field).ifPresent(text -> out.add(new Violation("pattern mismatch", JSON.textNode(text))));
            }
            case INTEGER, DECIMAL -> {
                out.add(new Violation("wrong type (a string)", JSON.textNode("x")));
                if (field.minimum() != null) {
                    out.add(new Violation("below minimum", JSON.numberNode(field.minimum().subtract(BigDecimal.ONE))));
                }
                if (field.maximum() != null) {
                    out.add(new Violation("above maximum", JSON.numberNode(field.maximum().add(BigDecimal.ONE))));
                }
                if (field.type() == dev.gigafactory.contracts.spec.FieldType.INTEGER) {
                    out.add(new Violation("not a whole number", JSON.numberNode(new BigDecimal("1.5"))));
                }
            }
            case BOOLEAN -> out.add(new Violation("wrong type (a string)", JSON.textNode("yes")));
            case DATE -> {
                out.add(new Violation("bad date", JSON.textNode("2024-02-30")));
                out.add(new Violation("not a date", JSON.textNode("31/01/2024")));
            }
            case DATETIME -> out.add(new Violation("bad datetime", JSON.textNode("yesterday")));
            case UUID -> out.add(new Violation("bad uuid", JSON.textNode("not-a-uuid")));
            case ENUM -> {
                out.add(new Violation("bad enum value", JSON.textNode("not-one-of-the-values")));
                out.add(new Violation("wrong type (a number)", JSON.numberNode(1)));
            }
        }
        return out;
    }

    private static Optional<String> validString(FieldSpec field) {
        if (field.pattern() == null) {
            return Optional.of(padded("a", field));
        }
        Pattern pattern = compile(field.pattern());
        return pattern == null
                ? Optional.empty()
                : PATTERN_CANDIDATES.stream().filter(text -> pattern.matcher(text).matches())
                        .filter(text -> fitsLength(text, field)).findFirst();
    }

    private static Optional<String> nonMatching(FieldSpec field) {
        Pattern pattern = field.pattern() == null ? null : compile(field.pattern());
        if (pattern == null) {
            return Optional.empty();
        }
        return NON_MATCHING.stream().filter(text -> !pattern.matcher(text).find()).findFirst();
    }

    private static String padded(String seed, FieldSpec field) {
        int min = field.minLength() == null ? 1 : Math.max(1, field.minLength());
        String text = seed.length() >= min ? seed : seed + "x".repeat(min - seed.length());
        return field.maxLength() != null && text.length() > field.maxLength()
                ? text.substring(0, field.maxLength())
                : text;
    }

    private static boolean fitsLength(String text, FieldSpec field) {
        return (field.minLength() == null || text.length() >= field.minLength())
                && (field.maxLength() == null || text.length() <= field.maxLength());
    }

    private static BigDecimal clamp(BigDecimal value, FieldSpec field) {
        BigDecimal result = value;
        if (field.minimum() != null && result.compareTo(field.minimum()) < 0) {
            result = field.minimum();
        }
        if (field.maximum() != null && result.compareTo(field.maximum()) > 0) {
            result = field.maximum();
        }
        return result;
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }
}
