package dev.gigafactory.stacks.jdkhttp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.spec.FieldSpec;
import dev.gigafactory.contracts.spec.FieldType;
import dev.gigafactory.contracts.validation.Identifiers;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** One field's name, constraints and default, checked before any of them becomes code. */
final class FieldRules {

    static final Pattern UUID_TEXT = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,59}");
    private static final Pattern ENUM_VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,59}");
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private FieldRules() {
    }

    /** The field, or null after adding to {@code problems} why it cannot be generated. */
    static FieldModel field(FieldSpec field, String at, List<String> problems) {
        String name = field.name();
        if (name == null || !FIELD_NAME.matcher(name).matches() || !Identifiers.isSafeIdentifier(name)
                || name.equals("id")) {
            problems.add(at + "/name: '" + name + "' is not a safe camelCase field name");
            return null;
        }
        if (field.type() == null) {
            problems.add(at + "/type: the field has no type");
            return null;
        }
        int before = problems.size();
        constraints(field, at, problems);
        Object defaultValue = problems.size() == before && field.hasDefault()
                ? parseDefault(field, at, problems)
                : null;
        return problems.size() == before
                ? new FieldModel(field, name, JavaNames.componentNameFor(name), defaultValue)
                : null;
    }

    private static void constraints(FieldSpec field, String at, List<String> problems) {
        FieldType type = field.type();
        only(field.minLength() != null || field.maxLength() != null, type.hasLength(), at + "/maxLength", problems);
        only(field.pattern() != null, type == FieldType.STRING, at + "/pattern", problems);
        only(field.minimum() != null || field.maximum() != null, type.isNumeric(), at + "/maximum", problems);
        only(field.values() != null, type == FieldType.ENUM, at + "/values", problems);
        if ((field.minLength() != null && field.minLength() < 0) || (field.maxLength() != null
                && (field.maxLength() < 0 || (field.minLength() != null && field.minLength() > field.maxLength())))) {
            problems.add(at + "/minLength: lengths must be at least 0 and minLength at most maxLength");
        }
        if (field.minimum() != null && field.maximum() != null && field.minimum().compareTo(field.maximum()) > 0) {
            problems.add(at + "/minimum: minimum is greater than maximum");
        }
        if (type == FieldType.INTEGER) {
            longBound(field.minimum(), at + "/minimum", problems);
            longBound(field.maximum(), at + "/maximum", problems);
        }
        if (field.pattern() != null) {
            try {
                Pattern.compile(field.pattern());
            } catch (PatternSyntaxException e) {
                problems.add(at + "/pattern: not a valid regular expression: " + e.getDescription());
            }
        }
        if (type == FieldType.ENUM) {
            List<String> values = field.values() == null ? List.of() : field.values();
            if (values.isEmpty() || new HashSet<>(values).size() != values.size()
                    || !values.stream().allMatch(value -> value != null && ENUM_VALUE.matcher(value).matches())) {
                problems.add(at + "/values: an enum needs distinct values of letters, digits, '_', '.' and '-'");
            }
        }
    }

    private static void only(boolean given, boolean applies, String at, List<String> problems) {
        if (given && !applies) {
            problems.add(at + ": this constraint does not apply to the field's type");
        }
    }

    private static void longBound(BigDecimal bound, String at, List<String> problems) {
        if (bound != null && (bound.stripTrailingZeros().scale() > 0 || bound.compareTo(LONG_MIN) < 0
                || bound.compareTo(LONG_MAX) > 0)) {
            problems.add(at + ": an integer field's bound must be a whole number within 64 bits");
        }
    }

    private static Object parseDefault(FieldSpec field, String at, List<String> problems) {
        JsonNode node = field.defaultValue();
        String text = node.isTextual() ? node.textValue() : null;
        Object value = switch (field.type()) {
            case STRING, TEXT -> text;
            case ENUM -> text != null && field.values().contains(text) ? text : null;
            case INTEGER -> node.isIntegralNumber() && node.canConvertToLong() ? (Object) node.longValue() : null;
            case DECIMAL -> node.isNumber() ? node.decimalValue() : null;
            case BOOLEAN -> node.isBoolean() ? node.booleanValue() : null;
            case DATE -> parse(text, () -> LocalDate.parse(text));
            case DATETIME -> parse(text, () -> Instant.parse(text));
            case UUID -> text != null && UUID_TEXT.matcher(text).matches() ? UUID.fromString(text) : null;
        };
        String problem = value == null ? "does not fit the field's type" : constraintProblem(field, value);
        if (problem != null) {
            problems.add(at + "/default: " + node + " " + problem);
            return null;
        }
        return value;
    }

    private static Object parse(String text, Supplier<Object> parser) {
        try {
            return text == null ? null : parser.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String constraintProblem(FieldSpec field, Object value) {
        if (value instanceof String text && field.type().hasLength()) {
            int length = text.codePointCount(0, text.length());
            if ((field.minLength() != null && length < field.minLength())
                    || (field.maxLength() != null && length > field.maxLength())) {
                return "does not fit minLength/maxLength";
            }
            if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(text).matches()) {
                return "does not match the pattern";
            }
        }
        if (value instanceof Number number) {
            BigDecimal decimal = new BigDecimal(number.toString());
            if ((field.minimum() != null && decimal.compareTo(field.minimum()) < 0)
                    || (field.maximum() != null && decimal.compareTo(field.maximum()) > 0)) {
                return "is outside minimum/maximum";
            }
        }
        return null;
    }
}
