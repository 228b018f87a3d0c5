package dev.gigafactory.product.bench;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON codec: what it reads, what it refuses, and that what it writes reads back the same. */
final class JsonChecks {

    private JsonChecks() {
    }

    static void run(Check check) {
        readsEveryKindOfValue(check);
        readsEscapes(check);
        writesWhatItReads(check);
        refusesMalformedDocuments(check);
    }

    private static void readsEveryKindOfValue(Check check) {
        Object value = Json.parse(" {\"s\":\"x\",\"i\":-42,\"d\":9.5,\"e\":1e3,\"t\":true,\"f\":false,\"n\":null,"
                + "\"a\":[1,[]],\"o\":{}} ");
        check.that(value instanceof Map, "an object reads as a Map");
        Map<?, ?> object = (Map<?, ?>) value;
        check.equal("x", object.get("s"), "a string");
        check.equal(-42L, object.get("i"), "an integer reads as a Long");
        check.equal(new BigDecimal("9.5"), object.get("d"), "a fraction reads as a BigDecimal");
        check.equal(new BigDecimal("1e3"), object.get("e"), "an exponent reads as a BigDecimal");
        check.equal(Boolean.TRUE, object.get("t"), "true");
        check.equal(Boolean.FALSE, object.get("f"), "false");
        check.that(object.containsKey("n") && object.get("n") == null, "null");
        check.equal(List.of(1L, List.of()), object.get("a"), "nested arrays");
        check.equal(Map.of(), object.get("o"), "an empty object");
        check.equal(new BigInteger("12345678901234567890"), Json.parse("12345678901234567890"),
                "an integer beyond 64 bits reads as a BigInteger");
        check.equal(List.of("s", "i", "d", "e", "t", "f", "n", "a", "o"), List.copyOf(object.keySet()),
                "members keep their order");
    }

    private static void readsEscapes(Check check) {
        check.equal("q\"b\\s/n\nr\rt\tb\bf\fu\u00e9\ud83d\ude00",
                Json.parse("\"q\\\"b\\\\s\\/n\\nr\\rt\\tb\\bf\\fu\\u00e9\\ud83d\\ude00\""), "every escape");
    }

    private static void writesWhatItReads(Check check) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("text", "line\nbreak \"quoted\" back\\slash \u0001 \u00e9");
        object.put("number", new BigDecimal("-0.001"));
        object.put("list", List.of(1L, Boolean.TRUE));
        object.put("nothing", null);
        String written = Json.write(object);
        check.equal(object, Json.parse(written), "write then read gives the same value");
        check.that(!written.contains("\n"), "written JSON has no raw newline");
        check.equal("{\"a\":[1,\"b\"]}", Json.write(Map.of("a", List.of(1L, "b"))), "compact output");
    }

    private static void refusesMalformedDocuments(Check check) {
        List<String> malformed = List.of("", "  ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "'x'",
                "\"unterminated", "\"bad \\x escape\"", "\"raw \u0001 control\"", "01", "1.", ".5", "-", "1e",
                "+1", "tru", "nul", "{\"a\":1} trailing", "[1] [2]", "{\"a\":1,\"a\":2}", "NaN", "\"\\u12\"",
                "[" + "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH + 1));
        for (String text : malformed) {
            try {
                Json.parse(text);
                check.that(false, "refuses " + shorten(text));
            } catch (Json.SyntaxError e) {
                check.that(true, "refuses " + shorten(text));
            }
        }
        String deepButAllowed = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        check.that(Json.parse(deepButAllowed) instanceof List, "reads nesting up to the limit");
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? "'" + text + "'" : "'" + text.substring(0, 40) + "...'";
    }
}
