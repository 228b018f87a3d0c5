package dev.gigafactory.product.bench;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns raw JSON values into typed field values and checks the spec's constraints, collecting every problem so one
 * answer names every invalid field. A missing value and an explicit JSON null are the same: absent.
 */
final class Validation {

    private static final Pattern UUID_TEXT = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Validation() {
    }

    /** The problems found in one body, in the order found. */
    static final class Errors {

        private final List<Problem.FieldError> found = new ArrayList<>();
        private final boolean lenient;

        private Errors(boolean lenient) {
            this.lenient = lenient;
        }

        /** For request bodies: every problem counts. */
        static Errors collecting() {
            return new Errors(false);
        }

        /** For journal records written by an older version: keep what still reads, default the rest. */
        static Errors ignoring() {
            return new Errors(true);
        }

        void add(String field, String message) {
            if (!lenient) {
                found.add(new Problem.FieldError(field, message));
            }
        }

        /** A required field is absent; said only once per field, after any complaint about its type. */
        void missing(String field) {
            if (found.stream().noneMatch(error -> error.field().equals(field))) {
                add(field, "is required");
            }
        }

        void throwIfAny() {
            if (!found.isEmpty()) {
                throw Problem.invalid(found);
            }
        }
    }

    static void rejectUnknown(Map<String, Object> body, Set<String> known, Errors errors) {
        for (String field : body.keySet()) {
            if (field.equals("id")) {
                errors.add(field, "is assigned by the service and cannot be set");
            } else if (!known.contains(field)) {
                errors.add(field, "is not a known field");
            }
        }
    }

    static String string(Map<String, Object> body, String field, Errors errors) {
        Object raw = body.get(field);
        if (raw == null || raw instanceof String) {
            return (String) raw;
        }
        errors.add(field, "must be a string");
        return null;
    }

    static Long integer(Map<String, Object> body, String field, Errors errors) {
        Object raw = body.get(field);
        if (raw == null || raw instanceof Long) {
            return (Long) raw;
        }
        errors.add(field, raw instanceof BigInteger
                ? "must be an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE
                : "must be an integer");
        return null;
    }

    static BigDecimal decimal(Map<String, Object> body, String field, Errors errors) {
        Object raw = body.get(field);
        if (raw == null || raw instanceof BigDecimal) {
            return (BigDecimal) raw;
        }
        if (raw instanceof Long || raw instanceof BigInteger) {
            return new BigDecimal(raw.toString());
        }
        errors.add(field, "must be a number");
        return null;
    }

    static Boolean bool(Map<String, Object> body, String field, Errors errors) {
        Object raw = body.get(field);
        if (raw == null || raw instanceof Boolean) {
            return (Boolean) raw;
        }
        errors.add(field, "must be true or false");
        return null;
    }

    static String oneOf(Map<String, Object> body, String field, List<String> values, Errors errors) {
        Object raw = body.get(field);
        if (raw == null || (raw instanceof String && values.contains(raw))) {
            return (String) raw;
        }
        errors.add(field, "must be one of " + values);
        return null;
    }

    static LocalDate date(Map<String, Object> body, String field, Errors errors) {
        String text = text(body, field, "must be an ISO-8601 date such as 2024-01-31", errors);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(field, "must be an ISO-8601 date such as 2024-01-31");
            return null;
        }
    }

    static Instant datetime(Map<String, Object> body, String field, Errors errors) {
        String text = text(body, field, "must be an ISO-8601 instant such as 2024-01-31T10:15:30Z", errors);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(field, "must be an ISO-8601 instant such as 2024-01-31T10:15:30Z");
            return null;
        }
    }

    static UUID uuid(Map<String, Object> body, String field, Errors errors) {
        String text = text(body, field, "must be a UUID", errors);
        if (text == null) {
            return null;
        }
        if (!UUID_TEXT.matcher(text).matches()) {
            errors.add(field, "must be a UUID");
            return null;
        }
        return UUID.fromString(text);
    }

    static void minLength(String value, String field, int minimum, Errors errors) {
        if (value.codePointCount(0, value.length()) < minimum) {
            errors.add(field, "must be at least " + minimum + " characters long");
        }
    }

    static void maxLength(String value, String field, int maximum, Errors errors) {
        if (value.codePointCount(0, value.length()) > maximum) {
            errors.add(field, "must be at most " + maximum + " characters long");
        }
    }

    /** The whole value must match, as if the pattern were anchored at both ends. */
    static void pattern(String value, String field, Pattern pattern, Errors errors) {
        if (!pattern.matcher(value).matches()) {
            errors.add(field, "must match the pattern " + pattern.pattern());
        }
    }

    static void minimum(Number value, String field, BigDecimal minimum, Errors errors) {
        if (decimalOf(value).compareTo(minimum) < 0) {
            errors.add(field, "must be at least " + minimum.toPlainString());
        }
    }

    static void maximum(Number value, String field, BigDecimal maximum, Errors errors) {
        if (decimalOf(value).compareTo(maximum) > 0) {
            errors.add(field, "must be at most " + maximum.toPlainString());
        }
    }

    private static BigDecimal decimalOf(Number value) {
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    private static String text(Map<String, Object> body, String field, String expected, Errors errors) {
        Object raw = body.get(field);
        if (raw == null || raw instanceof String) {
            return (String) raw;
        }
        errors.add(field, expected);
        return null;
    }
}
