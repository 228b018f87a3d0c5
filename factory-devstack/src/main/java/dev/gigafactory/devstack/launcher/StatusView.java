package dev.gigafactory.devstack.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Renders intake's status answers as text for a terminal. */
final class StatusView {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private StatusView() {
    }

    /** A table of every spec: name, version, stage, url. Accepts a page ({@code items}) or a bare array. */
    static String table(JsonNode answer) {
        JsonNode items = answer.isArray() ? answer : answer.path("items");
        if (!items.isArray() || items.isEmpty()) {
            return "no specs yet: submit one with ./factory submit FILE";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"NAME", "VERSION", "STAGE", "URL"});
        items.forEach(item -> rows.add(new String[]{text(item, "name"), text(item, "version"), text(item, "stage"),
                text(item, "url")}));
        int[] widths = new int[4];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        StringBuilder out = new StringBuilder();
        rows.forEach(row -> out.append(String.format("%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2]
                + "s  %s", (Object[]) row).stripTrailing()).append('\n'));
        return out.toString().stripTrailing();
    }

    /** One spec: a header line and its timeline, oldest first. */
    static String detail(JsonNode spec) {
        StringBuilder out = new StringBuilder(header(spec));
        spec.path("timeline").forEach(entry -> out.append('\n').append(timelineLine(entry)));
        return out.toString();
    }

    static String header(JsonNode spec) {
        String url = text(spec, "url");
        return text(spec, "name") + " v" + text(spec, "version") + "  stage: " + text(spec, "stage")
                + (url.isEmpty() ? "" : "  url: " + url);
    }

    static String timelineLine(JsonNode entry) {
        String detail = text(entry, "detail");
        return String.format("  %s  %-9s%s", time(text(entry, "at")), text(entry, "stage"),
                detail.isEmpty() ? "" : "  " + detail).stripTrailing();
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    private static String time(String at) {
        try {
            return CLOCK.format(Instant.parse(at));
        } catch (DateTimeParseException e) {
            return at;
        }
    }
}
