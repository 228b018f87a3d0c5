package dev.gigafactory.contracts.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small JSONPath subset a step's {@code save} uses: {@code $}, then any mix of {@code .key} and {@code [index]},
 * e.g. {@code $.id}, {@code $[0].id}, {@code $.items[2].owner.name}.
 */
public final class SavePath {

    private static final Pattern SEGMENT = Pattern.compile("\\.([^.\\[\\]]+)|\\[(\\d+)]");

    private final String expression;
    private final List<Object> segments;

    private SavePath(String expression, List<Object> segments) {
        this.expression = expression;
        this.segments = segments;
    }

    public static SavePath parse(String expression) {
        if (expression == null || !expression.startsWith("$")) {
            throw unsupported(expression);
        }
        List<Object> segments = new ArrayList<>();
        Matcher matcher = SEGMENT.matcher(expression);
        int position = 1;
        while (position < expression.length()) {
            if (!matcher.find(position) || matcher.start() != position) {
                throw unsupported(expression);
            }
            segments.add(matcher.group(1) != null ? matcher.group(1) : Integer.valueOf(matcher.group(2)));
            position = matcher.end();
        }
        return new SavePath(expression, List.copyOf(segments));
    }

    /** The value at this path, or empty when the document has nothing there. */
    public Optional<JsonNode> read(JsonNode document) {
        JsonNode current = document;
        for (Object segment : segments) {
            if (current == null) {
                return Optional.empty();
            }
            current = segment instanceof Integer index
                    ? (current.isArray() ? current.get(index) : null)
                    : (current.isObject() ? current.get((String) segment) : null);
        }
        return current == null || current.isMissingNode() ? Optional.empty() : Optional.of(current);
    }

    @Override
    public String toString() {
        return expression;
    }

    private static AcceptanceException unsupported(String expression) {
        return new AcceptanceException("'" + expression + "' is not a supported save path (use $.a.b or $[0].a)");
    }
}
