package dev.gigafactory.product.bench;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A strict recursive-descent reader over one JSON document; see {@link Json} for how values map to Java. */
final class JsonReader {

    /** Deeper documents are refused instead of risking a stack overflow. */
    static final int MAX_DEPTH = 64;
    /** Longer number literals are refused: nobody needs them, and big ones are slow to convert. */
    static final int MAX_NUMBER_LENGTH = 400;

    private final String text;
    private int position;

    JsonReader(String text) {
        this.text = text;
    }

    /** Exactly one value; anything but whitespace after it is an error. */
    Object document() {
        skipWhitespace();
        Object value = value(1);
        skipWhitespace();
        if (!atEnd()) {
            throw error("unexpected text after the JSON value");
        }
        return value;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("the document is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (atEnd()) {
            throw error("unexpected end of the document");
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || isDigit(c)) {
                    yield number();
                }
                throw error("unexpected character '" + c + "'");
            }
        };
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        position++;
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return object;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a quoted member name");
            }
            int keyAt = position;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object value = value(depth + 1);
            if (object.containsKey(key)) {
                throw new Json.SyntaxError("duplicate member \"" + key + "\"", keyAt);
            }
            object.put(key, value);
            skipWhitespace();
            if (peek() == ',') {
                position++;
            } else {
                expect('}');
                return object;
            }
        }
    }

    private List<Object> array(int depth) {
        List<Object> array = new ArrayList<>();
        position++;
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return array;
        }
        while (true) {
            skipWhitespace();
            array.add(value(depth + 1));
            skipWhitespace();
            if (peek() == ',') {
                position++;
            } else {
                expect(']');
                return array;
            }
        }
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        position++;
        while (true) {
            if (atEnd()) {
                throw error("unterminated string");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new Json.SyntaxError("unescaped control character in a string", position - 1);
            }
            out.append(c == '\\' ? escape() : c);
        }
    }

    private char escape() {
        if (atEnd()) {
            throw error("unterminated escape");
        }
        char c = text.charAt(position++);
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape();
            default -> throw new Json.SyntaxError("invalid escape '\\" + c + "'", position - 2);
        };
    }

    private char unicodeEscape() {
        if (position + 4 > text.length()) {
            throw error("incomplete \\u escape");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position++), 16);
            if (digit < 0) {
                throw new Json.SyntaxError("invalid hex digit in a \\u escape", position - 1);
            }
            code = code * 16 + digit;
        }
        return (char) code;
    }

    private Object number() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("expected a digit");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            position++;
            requireDigits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            requireDigits();
        }
        if (position - start > MAX_NUMBER_LENGTH) {
            throw new Json.SyntaxError("number longer than " + MAX_NUMBER_LENGTH + " characters", start);
        }
        return convert(text.substring(start, position), integral, start);
    }

    private static Object convert(String literal, boolean integral, int start) {
        try {
            if (!integral) {
                return new BigDecimal(literal);
            }
            BigInteger value = new BigInteger(literal);
            return value.bitLength() < 64 ? (Object) value.longValue() : value;
        } catch (NumberFormatException e) {
            throw new Json.SyntaxError("number out of range", start);
        }
    }

    private void requireDigits() {
        if (!isDigit(peek())) {
            throw error("expected a digit");
        }
        digits();
    }

    private void digits() {
        while (isDigit(peek())) {
            position++;
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, position)) {
            throw error("unexpected word");
        }
        position += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error(atEnd() ? "unexpected end of the document" : "expected '" + c + "'");
        }
        position++;
    }

    private void skipWhitespace() {
        while (!atEnd()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private char peek() {
        return atEnd() ? '\0' : text.charAt(position);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Json.SyntaxError error(String message) {
        return new Json.SyntaxError(message, position);
    }
}
