package dev.gigafactory.contracts.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The acceptance steps' partial match: every key the expectation gives must be equal, keys it leaves out are
 * ignored; an array must have the same length and match element by element; numbers compare by value
 * ({@code 9.5 == 9.50}); an expected {@code null} is met by null or by an absent key. Each difference is one message
 * naming where it is, e.g. {@code body.done: expected false but was true}.
 */
public final class JsonMatch {

    /** More differences than this are not worth a bigger verdict: the first ones point at the bug. */
    static final int MAX_DIFFERENCES = 10;

    private JsonMatch() {
    }

    /** Every difference between what was expected and what came back; empty when it matches. */
    public static List<String> differences(String where, JsonNode expected, JsonNode actual) {
        List<String> found = new ArrayList<>();
        compare(where, expected, actual, found);
        return found.size() <= MAX_DIFFERENCES ? found : found.subList(0, MAX_DIFFERENCES);
    }

    private static void compare(String where, JsonNode expected, JsonNode actual, List<String> found) {
        if (found.size() > MAX_DIFFERENCES) {
            return;
        }
        boolean absent = actual == null || actual.isMissingNode();
        if (expected.isNull()) {
            if (!absent && !actual.isNull()) {
                found.add(mismatch(where, expected, actual));
            }
        } else if (absent) {
            found.add(where + ": expected " + Excerpts.json(expected) + " but was missing");
        } else if (expected.isObject()) {
            compareObjects(where, expected, actual, found);
        } else if (expected.isArray()) {
            compareArrays(where, expected, actual, found);
        } else if (expected.isNumber()) {
            if (!actual.isNumber() || expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                found.add(mismatch(where, expected, actual));
            }
        } else if (!expected.equals(actual)) {
            found.add(mismatch(where, expected, actual));
        }
    }

    private static void compareObjects(String where, JsonNode expected, JsonNode actual, List<String> found) {
        if (!actual.isObject()) {
            found.add(where + ": expected an object but was " + Excerpts.json(actual));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            compare(where + "." + field.getKey(), field.getValue(), actual.get(field.getKey()), found);
        }
    }

    private static void compareArrays(String where, JsonNode expected, JsonNode actual, List<String> found) {
        if (!actual.isArray()) {
            found.add(where + ": expected an array but was " + Excerpts.json(actual));
            return;
        }
        if (expected.size() != actual.size()) {
            found.add(where + ": expected " + expected.size() + " elements but was " + actual.size());
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            compare(where + "[" + i + "]", expected.get(i), actual.get(i), found);
        }
    }

    private static String mismatch(String where, JsonNode expected, JsonNode actual) {
        return where + ": expected " + Excerpts.json(expected) + " but was " + Excerpts.json(actual);
    }
}
