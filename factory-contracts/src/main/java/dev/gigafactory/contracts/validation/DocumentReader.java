package dev.gigafactory.contracts.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Turns untrusted bytes (YAML or JSON, any client) into a JSON tree, safely: the size limit is checked before any
 * parsing, the text must be UTF-8, YAML aliases and nesting are bounded, and YAML tags never build Java objects
 * (Jackson reads YAML as plain data).
 */
public final class DocumentReader {

    public static final int MAX_DOCUMENT_BYTES = 256 * 1024;
    public static final int MAX_NESTING_DEPTH = 32;
    private static final int MAX_ALIASES = 20;

    private final ObjectMapper yaml;

    public DocumentReader() {
        LoaderOptions loader = new LoaderOptions();
        loader.setMaxAliasesForCollections(MAX_ALIASES);
        loader.setAllowRecursiveKeys(false);
        loader.setNestingDepthLimit(MAX_NESTING_DEPTH);
        loader.setCodePointLimit(MAX_DOCUMENT_BYTES);
        loader.setAllowDuplicateKeys(false);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .build();
        this.yaml = new ObjectMapper(factory);
    }

    /**
     * Either the tree, or the one problem that stopped reading; {@code unreadable} when the bytes are not text at all
     * (empty, not UTF-8, binary), the records that belong on the dead-letter topic as well.
     */
    public record Read(JsonNode tree, Problem problem, boolean unreadable) {
    }

    public Read read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return unreadable("the document is empty");
        }
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            return failed("the document is " + bytes.length + " bytes; the limit is " + MAX_DOCUMENT_BYTES);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return unreadable("the document is not valid UTF-8 text");
        }
        if (text.isBlank()) {
            return unreadable("the document is empty");
        }
        if (text.indexOf('\0') >= 0) {
            return unreadable("the document contains NUL characters; it must be YAML or JSON text");
        }
        if (text.indexOf('!') >= 0 || text.indexOf('*') >= 0) {
            String tagProblem = YamlFeatureScanner.firstProblem(text);
            if (tagProblem != null) {
                return failed(tagProblem);
            }
        }
        try {
            // YAML is a superset of JSON, so one parser reads both.
            JsonNode tree = yaml.readTree(text);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return failed("the document is empty");
            }
            if (!tree.isObject()) {
                return failed("the document must be an object (a ServiceSpec), not " + describe(tree));
            }
            return new Read(tree, null, false);
        } catch (JsonProcessingException e) {
            return failed(explain(firstLine(e.getOriginalMessage())));
        } catch (IOException | RuntimeException e) {
            return failed("the document cannot be parsed as YAML or JSON: " + firstLine(e.getMessage()));
        }
    }

    // The parser's limits speak of its internals; the sender needs to know what in the document tripped them.
    private static String explain(String parserMessage) {
        if (parserMessage.contains("aliases")) {
            return "the document uses too many YAML aliases (at most " + MAX_ALIASES + "); an alias bomb is refused";
        }
        if (parserMessage.toLowerCase().contains("nesting depth")) {
            return "the document nests deeper than " + MAX_NESTING_DEPTH + " levels; a spec never needs that";
        }
        return "the document cannot be parsed as YAML or JSON: " + parserMessage;
    }

    private static Read failed(String message) {
        return new Read(null, Problem.at("", message), false);
    }

    private static Read unreadable(String message) {
        return new Read(null, Problem.at("", message), true);
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> node.getNodeType().name().toLowerCase();
        };
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        String line = message.strip().lines().findFirst().orElse("unreadable input");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
