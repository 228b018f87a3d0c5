package dev.gigafactory.product.bench;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader and writer, so the service needs nothing beyond the JDK.
 *
 * <p>
 * JSON values map to Java as: object to {@code Map<String, Object>} (keys in document order), array to
 * {@code List<Object>}, string to {@code String}, integer to {@code Long} (or {@code BigInteger} when it does not fit
 * in 64 bits), any other number to {@code BigDecimal}, true and false to {@code Boolean}, null to {@code null}.
 */
final class Json {

    /** Deeper documents are refused instead of risking a stack overflow. */
    static final int MAX_DEPTH = JsonReader.MAX_DEPTH;

    private Json() {
    }

    /** Text that is not exactly one JSON value. */
    static final class SyntaxError extends RuntimeException {

        SyntaxError(String message, int offset) {
            super(message + " at offset " + offset, null, false, false);
        }
    }

    /** Reads exactly one JSON value; anything but whitespace after it is an error. */
    static Object parse(String text) {
        return new JsonReader(text).document();
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            writeString(text, out);
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof BigInteger || value instanceof BigDecimal) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                writeString(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out);
                out.append(entries.hasNext() ? "," : "");
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
