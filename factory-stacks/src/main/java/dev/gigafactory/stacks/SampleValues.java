package dev.gigafactory.stacks;

import dev.gigafactory.contracts.spec.FieldSpec;
import dev.gigafactory.contracts.spec.FieldType;
import dev.gigafactory.stacks.jdkhttp.EntityModel;
import dev.gigafactory.stacks.jdkhttp.FieldModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Values for the product's own tests, as Java expressions of their JSON form (what the JSON reader would produce): a
 * valid value per field where one can be derived, and for every rule a value that breaks it.
 */
public final class SampleValues {

    /** One member of a sample body: the field's name and a Java expression of its value. */
    public record Member(String field, String expression) {
    }

    /** A value that breaks one rule of one field. */
    public record Violation(String field, String rule, String expression) {
    }

    // Tried in order against a field's pattern; kept short so a pathological pattern cannot stall generation.
    private static final List<String> CANDIDATES = List.of("x", "abc", "Abc", "ABC", "a1", "1", "42", "abc-123",
            "ABC-123", "abc_123", "a.b", "a b", "user@example.com", "https://example.com", "2024-01-31", "");
    private static final List<String> NON_MATCHING = List.of("", "!", "~", " ", "x", "0", "\u0000");
    private static final int MAX_REPEATED = 16;

    private SampleValues() {
    }

    /** Valid values for the required fields, skipping any for which none could be derived. */
    public static List<Member> requiredMembers(EntityModel entity) {
        List<Member> members = new ArrayList<>();
        for (FieldModel field : entity.fields()) {
            if (field.required()) {
                valid(field).ifPresent(value -> members.add(new Member(field.name(), value)));
            }
        }
        return members;
    }

    /** A valid value for the field, or empty when none could be derived (a pattern no candidate matches). */
    public static Optional<String> valid(FieldModel field) {
        FieldSpec spec = field.spec();
        return switch (field.type()) {
            case STRING, TEXT -> validText(spec).map(JavaLiterals::string);
            case ENUM -> Optional.of(JavaLiterals.string(spec.values().get(0)));
            case INTEGER -> Optional.of(number(spec).toBigInteger() + "L");
            case DECIMAL -> Optional.of(JavaLiterals.decimal(number(spec)));
            case BOOLEAN -> Optional.of("Boolean.TRUE");
            case DATE -> Optional.of("\"2024-01-31\"");
            case DATETIME -> Optional.of("\"2024-01-31T10:15:30Z\"");
            case UUID -> Optional.of("\"123e4567-e89b-42d3-a456-426614174000\"");
        };
    }

    public static List<Violation> violations(FieldModel field) {
        FieldSpec spec = field.spec();
        String name = field.name();
        List<Violation> found = new ArrayList<>();
        switch (field.type()) {
            case STRING, TEXT, ENUM, DATE, DATETIME, UUID -> found.add(new Violation(name, "is not a string", "42L"));
            case INTEGER -> {
                found.add(new Violation(name, "is not a number", "\"x\""));
                found.add(new Violation(name, "has a fraction", JavaLiterals.decimal(new BigDecimal("1.5"))));
                found.add(new Violation(name, "does not fit 64 bits", "new BigInteger(\"9223372036854775808\")"));
            }
            case DECIMAL -> found.add(new Violation(name, "is not a number", "\"x\""));
            case BOOLEAN -> found.add(new Violation(name, "is not a boolean", "\"yes\""));
        }
        switch (field.type()) {
            case ENUM -> found.add(new Violation(name, "is not one of the values", "\"~not-a-value\""));
            case DATE -> found.add(new Violation(name, "is not a date", "\"2024-02-30\""));
            case DATETIME -> found.add(new Violation(name, "is not an instant", "\"2024-01-31 10:15\""));
            case UUID -> found.add(new Violation(name, "is not a UUID", "\"not-a-uuid\""));
            default -> {
            }
        }
        if (spec.minLength() != null && spec.minLength() > 0) {
            found.add(new Violation(name, "is shorter than minLength", repeated(spec.minLength() - 1)));
        }
        if (spec.maxLength() != null) {
            found.add(new Violation(name, "is longer than maxLength", repeated(spec.maxLength() + 1)));
        }
        if (spec.pattern() != null) {
            Pattern pattern = Pattern.compile(spec.pattern());
            NON_MATCHING.stream().filter(text -> !pattern.matcher(text).matches()).findFirst()
                    .ifPresent(text -> found.add(
                            new Violation(name, "does not match the pattern", JavaLiterals.string(text))));
        }
        if (spec.minimum() != null) {
            found.add(new Violation(name, "is below minimum", numeric(field, spec.minimum().subtract(BigDecimal.ONE))));
        }
        if (spec.maximum() != null) {
            found.add(new Violation(name, "is above maximum", numeric(field, spec.maximum().add(BigDecimal.ONE))));
        }
        return found;
    }

    private static Optional<String> validText(FieldSpec spec) {
        int shortest = spec.minLength() == null ? 0 : spec.minLength();
        int longest = spec.maxLength() == null ? Integer.MAX_VALUE : spec.maxLength();
        if (spec.pattern() == null) {
            int length = Math.min(Math.max(shortest, 1), longest);
            return Optional.of("x".repeat(length));
        }
        Pattern pattern = Pattern.compile(spec.pattern());
        int from = Math.max(shortest, 1);
        int to = Math.min(longest, from + MAX_REPEATED);
        Stream<String> repeated = IntStream.rangeClosed(from, to).boxed()
                .flatMap(n -> Stream.of("0".repeat(n), "a".repeat(n), "A".repeat(n)));
        return Stream.concat(CANDIDATES.stream(), repeated)
                .filter(text -> text.codePointCount(0, text.length()) >= shortest && text.length() <= longest)
                .filter(text -> pattern.matcher(text).matches())
                .findFirst();
    }

    /** The minimum when there is one, else the maximum when below 1, else 1. */
    private static BigDecimal number(FieldSpec spec) {
        if (spec.minimum() != null) {
            return spec.minimum();
        }
        return spec.maximum() != null && spec.maximum().compareTo(BigDecimal.ONE) < 0
                ? spec.maximum()
                : BigDecimal.ONE;
    }

    private static String numeric(FieldModel field, BigDecimal value) {
        boolean integer = field.type() == FieldType.INTEGER;
        if (!integer) {
            return JavaLiterals.decimal(value);
        }
        // One past a 64-bit bound is no longer a Long: the JSON reader gives a BigInteger then.
        boolean fitsLong = value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
                && value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
        return fitsLong ? value.toBigInteger() + "L" : "new BigInteger(\"" + value.toBigInteger() + "\")";
    }

    private static String repeated(int length) {
        return "\"x\".repeat(" + length + ")";
    }
}
