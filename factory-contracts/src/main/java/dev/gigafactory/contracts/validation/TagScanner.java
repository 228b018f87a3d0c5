package dev.gigafactory.contracts.validation;

import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Finds explicit YAML tags. Jackson would ignore them, but a tag like {@code !!java.lang.Runtime} in a spec is an
 * attack or a mistake, and either way the sender deserves to hear about it rather than see it silently dropped.
 */
final class TagScanner {

    private TagScanner() {
    }

    static String firstTag(String text) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(DocumentReader.MAX_DOCUMENT_BYTES);
            ParserImpl parser = new ParserImpl(new StreamReader(new StringReader(text)), options);
            while (parser.peekEvent() != null) {
                Event event = parser.getEvent();
                String tag = tagOf(event);
                if (tag != null && !isPlainTag(tag)) {
                    int line = event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1;
                    return "YAML tag '" + tag + "' at line " + line + " is not allowed; a spec is plain data";
                }
                if (event.is(Event.ID.StreamEnd)) {
                    return null;
                }
            }
            return null;
        } catch (RuntimeException e) {
            // Syntax errors are reported by the real parse, with its own message.
            return null;
        }
    }

    private static String tagOf(Event event) {
        if (event instanceof ScalarEvent scalar) {
            return scalar.getTag();
        }
        if (event instanceof CollectionStartEvent collection) {
            return collection.getTag();
        }
        return null;
    }

    private static final java.util.Set<String> PLAIN_TAGS = java.util.Set.of("!", "tag:yaml.org,2002:str",
            "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
            "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map");

    private static boolean isPlainTag(String tag) {
        return PLAIN_TAGS.contains(tag);
    }
}
