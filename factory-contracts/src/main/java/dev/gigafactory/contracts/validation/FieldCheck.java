package dev.gigafactory.contracts.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.spec.FieldSpec;
import dev.gigafactory.contracts.spec.FieldType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** One field's constraints: do they apply to its type, agree with each other, and admit its default? */
final class FieldCheck {

    void check(FieldSpec field, String at, List<Problem> problems) {
        FieldType type = field.type();
        notFor(field.minLength() != null && !type.hasLength(), at, "minLength", "string and text", problems);
        notFor(field.maxLength() != null && !type.hasLength(), at, "maxLength", "string and text", problems);
        notFor(field.pattern() != null && type != FieldType.STRING, at, "pattern", "string", problems);
        notFor(field.minimum() != null && !type.isNumeric(), at, "minimum", "integer and decimal", problems);
        notFor(field.maximum() != null && !type.isNumeric(), at, "maximum", "integer and decimal", problems);
        notFor(field.values() != null && type != FieldType.ENUM, at, "values", "enum", problems);
        if (type == FieldType.ENUM) {
            checkEnumValues(field, at, problems);
        }
        if (field.minLength() != null && field.maxLength() != null && field.minLength() > field.maxLength()) {
            problems.add(Problem.at(at + "/minLength",
                    "minLength " + field.minLength() + " is greater than maxLength " + field.maxLength()));
        }
        if (field.minimum() != null && field.maximum() != null && field.minimum().compareTo(field.maximum()) > 0) {
            problems.add(Problem.at(at + "/minimum", "minimum " + field.minimum().toPlainString()
                    + " is greater than maximum " + field.maximum().toPlainString()));
        }
        if (type == FieldType.INTEGER) {
            integral(field.minimum(), at + "/minimum", problems);
            integral(field.maximum(), at + "/maximum", problems);
        }
        Pattern pattern = compile(field.pattern(), at, problems);
        if (field.hasDefault()) {
            String reason = defaultProblem(field, field.defaultValue(), pattern);
            if (reason != null) {
                problems.add(Problem.at(at + "/default", reason));
            }
        }
    }

    private static void notFor(boolean misplaced, String at, String keyword, String types, List<Problem> problems) {
        if (misplaced) {
            problems.add(Problem.at(at + "/" + keyword, keyword + " applies only to " + types + " fields"));
        }
    }

    private static void checkEnumValues(FieldSpec field, String at, List<Problem> problems) {
        if (field.values() == null) {
            problems.add(Problem.at(at + "/values", "an enum field needs its list of values"));
            return;
        }
        if (new HashSet<>(field.values()).size() != field.values().size()) {
            problems.add(Problem.at(at + "/values", "enum values must be unique"));
        }
    }

    private static void integral(BigDecimal bound, String at, List<Problem> problems) {
        if (bound != null && bound.stripTrailingZeros().scale() > 0) {
            problems.add(Problem.at(at, "an integer field's bound must be a whole number, not " + bound));
        }
    }

    private static Pattern compile(String regex, String at, List<Problem> problems) {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            problems.add(Problem.at(at + "/pattern",
                    "pattern is not a valid regular expression: " + e.getDescription() + " near index "
                            + e.getIndex()));
            return null;
        }
    }

    /** Why the default does not fit the field, or null when it does. */
    static String defaultProblem(FieldSpec field, JsonNode value, Pattern pattern) {
        String fit = typeProblem(field, value);
        if (fit != null) {
            return fit;
        }
        if (field.type().hasLength()) {
            int length = value.asText().codePointCount(0, value.asText().length());
            if (field.minLength() != null && length < field.minLength()) {
                return "default is shorter than minLength " + field.minLength();
            }
            if (field.maxLength() != null && length > field.maxLength()) {
                return "default is longer than maxLength " + field.maxLength();
            }
            if (pattern != null && !pattern.matcher(value.asText()).matches()) {
                return "default does not match pattern " + field.pattern();
            }
        }
        if (field.type().isNumeric()) {
            BigDecimal number = value.decimalValue();
            if (field.minimum() != null && number.compareTo(field.minimum()) < 0) {
                return "default " + number.toPlainString() + " is below minimum " + field.minimum().toPlainString();
            }
            if (field.maximum() != null && number.compareTo(field.maximum()) > 0) {
                return "default " + number.toPlainString() + " is above maximum " + field.maximum().toPlainString();
            }
        }
        return null;
    }

    private static String typeProblem(FieldSpec field, JsonNode value) {
        String shown = value.toString();
        return switch (field.type()) {
            case STRING, TEXT -> value.isTextual() ? null : "default " + shown + " is not a string";
            case INTEGER -> value.isIntegralNumber() ? null : "default " + shown + " is not an integer";
            case DECIMAL -> value.isNumber() ? null : "default " + shown + " is not a number";
            case BOOLEAN -> value.isBoolean() ? null : "default " + shown + " is not true or false";
            case ENUM -> value.isTextual() && field.values() != null && field.values().contains(value.asText())
                    ? null
                    : "default " + shown + " is not one of the enum values " + field.values();
            case DATE -> parses(value, () -> LocalDate.parse(value.asText()), "an ISO-8601 date (2024-01-31)");
            case DATETIME -> parses(value, () -> Instant.parse(value.asText()),
                    "an ISO-8601 instant (2024-01-31T10:15:30Z)");
            case UUID -> parses(value, () -> UUID.fromString(value.asText()), "a UUID");
        };
    }

    private static String parses(JsonNode value, Runnable parse, String expected) {
        if (!value.isTextual()) {
            return "default " + value + " is not " + expected;
        }
        try {
            parse.run();
            return null;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return "default " + value + " is not " + expected;
        }
    }
}
