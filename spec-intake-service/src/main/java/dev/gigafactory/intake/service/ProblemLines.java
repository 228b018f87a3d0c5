package dev.gigafactory.intake.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gigafactory.contracts.validation.DocumentReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Where each JSON pointer of a submitted YAML or JSON document is written, so a rejection can show every problem
 * beside its line. Reads the document again only to locate: anything it cannot read just has no line.
 */
public final class ProblemLines {

    private static final Pattern PARSER_LINE = Pattern.compile("line:? (\\d+)");
    private static final YAMLFactory YAML;

    static {
        // The same bounds as the validator's reader: this runs on the same untrusted bytes.
        LoaderOptions loader = new LoaderOptions();
        loader.setMaxAliasesForCollections(20);
        loader.setNestingDepthLimit(DocumentReader.MAX_NESTING_DEPTH);
        loader.setCodePointLimit(DocumentReader.MAX_DOCUMENT_BYTES);
        YAML = YAMLFactory.builder().loaderOptions(loader).build();
    }

    private final Map<String, Integer> lines;

    private ProblemLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    public static ProblemLines of(byte[] document) {
        Map<String, Integer> lines = new HashMap<>();
        if (document == null || document.length > DocumentReader.MAX_DOCUMENT_BYTES) {
            return new ProblemLines(lines);
        }
        try (JsonParser parser = YAML.createParser(new String(document, StandardCharsets.UTF_8))) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                // A field's pointer is first seen at its name; a container's at its first token.
                if (token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                    lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
                            parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (Exception unreadable) {
            // Keep what was located before the document stopped making sense.
        }
        return new ProblemLines(lines);
    }

    /**
     * The line of a problem: its pointer's, else the nearest written ancestor's (a missing field is reported where
     * its object is), else the line a parser message names; null when nothing says.
     */
    public Integer lineOf(String pointer, String message) {
        if (pointer != null && !pointer.isEmpty()) {
            for (String at = pointer; !at.isEmpty(); at = at.substring(0, at.lastIndexOf('/'))) {
                Integer line = lines.get(at);
                if (line != null) {
                    return line;
                }
            }
        }
        Matcher parser = PARSER_LINE.matcher(message == null ? "" : message);
        return parser.find() ? Integer.valueOf(parser.group(1)) : null;
    }
}
