package dev.gigafactory.contracts.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code {name}} with values saved by earlier steps of the same case. A string that is exactly one
 * placeholder takes the saved value with its JSON type (so a saved number stays a number); inside a longer string,
 * or in a path, the value's text is spliced in. A placeholder nothing was saved under fails the step: sending the
 * literal {@code {id}} would only produce a confusing 404.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.-]*)}");

    private final Map<String, JsonNode> saved;

    public Placeholders(Map<String, JsonNode> saved) {
        this.saved = saved;
    }

    /** The path with each placeholder replaced by its value, percent-encoded so it stays one path segment. */
    public String inPath(String path) {
        return splice(path, true);
    }

    /** A copy of the JSON with placeholders replaced in every string, at any depth; null stays null. */
    public JsonNode inJson(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return inText(node.asText());
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), inJson(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(inJson(element)));
            return copy;
        }
        return node;
    }

    private JsonNode inText(String text) {
        Matcher whole = PLACEHOLDER.matcher(text);
        if (whole.matches()) {
            return valueOf(whole.group(1));
        }
        return TextNode.valueOf(splice(text, false));
    }

    private String splice(String text, boolean encode) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = textOf(valueOf(matcher.group(1)));
            matcher.appendReplacement(result, Matcher.quoteReplacement(encode ? encodeSegment(value) : value));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private JsonNode valueOf(String name) {
        JsonNode value = saved.get(name);
        if (value == null) {
            throw new AcceptanceException("nothing was saved as {" + name + "} by an earlier step (saved: "
                    + new TreeSet<>(saved.keySet()) + ")");
        }
        return value;
    }

    private static String textOf(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** RFC 3986 unreserved characters pass; everything else (including '/') is percent-encoded. */
    static String encodeSegment(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
