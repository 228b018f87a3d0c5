package dev.gigafactory.contracts.validation;

import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Finds YAML features a spec never needs. Jackson would ignore explicit tags, but a tag like
 * {@code !!java.lang.Runtime} in a spec is an attack or a mistake, and either way the sender deserves to hear about it
 * rather than see it silently dropped. Aliases are refused too: Jackson does not expand them into the data they name,
 * so a spec using them would silently mean something else (and an alias bomb is the classic YAML attack).
 */
final class YamlFeatureScanner {

    private YamlFeatureScanner() {
    }

    static String firstProblem(String text) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(DocumentReader.MAX_DOCUMENT_BYTES);
            ParserImpl parser = new ParserImpl(new StreamReader(new StringReader(text)), options);
            while (parser.peekEvent() != null) {
                Event event = parser.getEvent();
                if (event.is(Event.ID.Alias)) {
                    return "YAML alias at line " + line(event) + " is not supported; write the value out";
                }
                String tag = tagOf(event);
                if (tag != null && !isPlainTag(tag)) {
                    return "YAML tag '" + tag + "' at line " + line(event) + " is not allowed; a spec is plain data";
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

    private static int line(Event event) {
        return event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1;
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
