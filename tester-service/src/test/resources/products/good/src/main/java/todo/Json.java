package todo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Flat JSON objects of strings, booleans and integers: all this fixture needs. */
final class Json {

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"([^\"]*)\"|true|false|-?\\d+)");

    static Map<String, Object> read(String text) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Matcher matcher = FIELD.matcher(text);
        while (matcher.find()) {
            String raw = matcher.group(2);
            Object value = matcher.group(3) != null ? matcher.group(3)
                    : raw.equals("true") || raw.equals("false") ? (Object) Boolean.valueOf(raw) : Long.valueOf(raw);
            fields.put(matcher.group(1), value);
        }
        return fields;
    }

    static String write(Map<String, Object> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> {
            json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":");
            json.append(value instanceof String ? "\"" + value + "\"" : String.valueOf(value));
        });
        return json.append('}').toString();
    }
}
