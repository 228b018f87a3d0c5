package dev.gigafactory.contracts.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Everything the gate quotes (logs, diagnostics, response bodies, JSON values) is bounded, so verdicts stay small. */
public final class Excerpts {

    /** Bound for a verdict's log excerpt. */
    public static final int LOG_LIMIT = 4000;
    /** Bound for a value quoted inside a step message. */
    public static final int VALUE_LIMIT = 160;
    /** Bound for a body kept whole as repair evidence. */
    public static final int EVIDENCE_LIMIT = 1000;

    private Excerpts() {
    }

    /** The end of a log: where a crash or the last error usually is. */
    public static String tail(String text) {
        return tail(text, LOG_LIMIT);
    }

    public static String tail(String text, int limit) {
        if (text == null) {
            return null;
        }
        return text.length() <= limit ? text : "…" + text.substring(text.length() - limit);
    }

    /** The last {@link #LOG_LIMIT} characters of a file, read without loading all of a log that ran wild. */
    public static String tailOf(Path file) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            int length = (int) Math.min(size, LOG_LIMIT * 4L);
            ByteBuffer buffer = ByteBuffer.allocate(length);
            channel.position(size - length);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read until the buffer is full
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            return size > length ? tail("…" + text) : tail(text);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            return "(cannot read " + file.getFileName() + ": " + e.getMessage() + ")";
        }
    }

    /** The start of a text: where the first compile error, the cause of the rest, is. */
    public static String head(String text, int limit) {
        if (text == null) {
            return null;
        }
        return text.length() <= limit ? text : text.substring(0, limit) + "…";
    }

    /** A JSON value as it would be written, shortened if long. */
    public static String json(JsonNode value) {
        return head(value == null || value.isMissingNode() ? "missing" : value.toString(), VALUE_LIMIT);
    }

    /** The text of a response body, shortened, on one line. */
    public static String body(String text) {
        return head(text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " "), VALUE_LIMIT);
    }

    /** A body kept as repair evidence: longer than a quote, still bounded; null stays null. */
    public static String evidence(String text) {
        return text == null ? null : head(text.strip(), EVIDENCE_LIMIT);
    }

    public static String evidence(JsonNode value) {
        return value == null || value.isMissingNode() ? null : head(value.toString(), EVIDENCE_LIMIT);
    }
}
