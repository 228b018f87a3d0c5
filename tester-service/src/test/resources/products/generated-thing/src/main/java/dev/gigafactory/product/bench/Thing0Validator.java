package dev.gigafactory.product.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads Thing0 bodies: types, constraints, defaults and required fields, as the spec says. */
final class Thing0Validator {

    static final Set<String> FIELDS = Set.of("title", "code", "notes", "count", "price", "active", "due", "size");

    private static final Pattern PATTERN_CODE = Pattern.compile("^[A-Z]{3}-[0-9]+$");
    private static final BigDecimal MINIMUM_COUNT = new BigDecimal("0");
    private static final BigDecimal MAXIMUM_COUNT = new BigDecimal("1000");
    private static final Long DEFAULT_COUNT = 1L;
    private static final BigDecimal MINIMUM_PRICE = new BigDecimal("0");
    private static final Boolean DEFAULT_ACTIVE = Boolean.TRUE;
    private static final List<String> VALUES_SIZE = List.of("s", "m", "l");
    private static final String DEFAULT_SIZE = "m";

    private Thing0Validator() {
    }

    /** A request body as a Thing0, or a 400 problem naming every invalid field. */
    static Thing0 fromRequest(String id, Map<String, Object> body) {
        Validation.Errors errors = Validation.Errors.collecting();
        Validation.rejectUnknown(body, FIELDS, errors);
        Thing0 value = read(id, body, errors);
        errors.throwIfAny();
        return value;
    }

    /** A journal record, perhaps from an older version: unknown fields dropped, unreadable ones defaulted. */
    static Thing0 fromStored(String id, Map<String, Object> object) {
        return read(id, object, Validation.Errors.ignoring());
    }

    private static Thing0 read(String id, Map<String, Object> body, Validation.Errors errors) {
        return new Thing0(
                id,
                readTitle(body, errors),
                readCode(body, errors),
                readNotes(body, errors),
                readCount(body, errors),
                readPrice(body, errors),
                readActive(body, errors),
                readDue(body, errors),
                readSize(body, errors));
    }

    private static String readTitle(Map<String, Object> body, Validation.Errors errors) {
        String value = Validation.string(body, "title", errors);
        if (value == null) {
            errors.missing("title");
            return null;
        }
        Validation.minLength(value, "title", 1, errors);
        Validation.maxLength(value, "title", 200, errors);
        return value;
    }

    private static String readCode(Map<String, Object> body, Validation.Errors errors) {
        String value = Validation.string(body, "code", errors);
        if (value == null) {
            return null;
        }
        Validation.pattern(value, "code", PATTERN_CODE, errors);
        return value;
    }

    private static String readNotes(Map<String, Object> body, Validation.Errors errors) {
        return Validation.string(body, "notes", errors);
    }

    private static Long readCount(Map<String, Object> body, Validation.Errors errors) {
        Long value = Validation.integer(body, "count", errors);
        if (value == null) {
            return DEFAULT_COUNT;
        }
        Validation.minimum(value, "count", MINIMUM_COUNT, errors);
        Validation.maximum(value, "count", MAXIMUM_COUNT, errors);
        return value;
    }

    private static BigDecimal readPrice(Map<String, Object> body, Validation.Errors errors) {
        BigDecimal value = Validation.decimal(body, "price", errors);
        if (value == null) {
            return null;
        }
        Validation.minimum(value, "price", MINIMUM_PRICE, errors);
        return value;
    }

    private static Boolean readActive(Map<String, Object> body, Validation.Errors errors) {
        Boolean value = Validation.bool(body, "active", errors);
        return value == null ? DEFAULT_ACTIVE : value;
    }

    private static LocalDate readDue(Map<String, Object> body, Validation.Errors errors) {
        return Validation.date(body, "due", errors);
    }

    private static String readSize(Map<String, Object> body, Validation.Errors errors) {
        String value = Validation.oneOf(body, "size", VALUES_SIZE, errors);
        return value == null ? DEFAULT_SIZE : value;
    }
}
