package dev.gigafactory.product.bench;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reading JSON request bodies and writing answers; each send method returns the status it sent. */
final class Http {

    static final int MAX_BODY_BYTES = 1024 * 1024;
    // An oversized body is read and dropped up to this much, so the client still gets to read the 413.
    private static final long MAX_DRAIN_BYTES = 16L * 1024 * 1024;

    private Http() {
    }

    /** The body as a JSON object, or a 400/413 {@link Problem}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readObject(HttpExchange exchange) throws IOException {
        byte[] bytes = readBody(exchange);
        if (bytes.length == 0) {
            throw Problem.badRequest("the body must be a JSON object, but it is empty");
        }
        Object value;
        try {
            value = Json.parse(utf8(bytes));
        } catch (Json.SyntaxError e) {
            throw Problem.badRequest("the body is not valid JSON: " + e.getMessage());
        }
        if (!(value instanceof Map)) {
            throw Problem.badRequest("the body must be a JSON object");
        }
        return (Map<String, Object>) value;
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                discard(in, MAX_DRAIN_BYTES);
                throw Problem.tooLarge(MAX_BODY_BYTES);
            }
            return bytes;
        }
    }

    // Reads rather than skip(): the request stream's skip bypasses its length accounting and would hang the close.
    private static void discard(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long dropped = 0;
        for (int n = in.read(buffer); n >= 0 && dropped < limit; n = in.read(buffer)) {
            dropped += n;
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw Problem.badRequest("the body is not valid UTF-8");
        }
    }

    static int sendJson(HttpExchange exchange, int status, Object value) throws IOException {
        return send(exchange, status, "application/json", Json.write(value).getBytes(StandardCharsets.UTF_8));
    }

    static int sendProblem(HttpExchange exchange, Problem problem) throws IOException {
        if (problem.allow() != null) {
            exchange.getResponseHeaders().set("Allow", problem.allow());
        }
        return send(exchange, problem.status(), "application/problem+json",
                Json.write(problem.toJson()).getBytes(StandardCharsets.UTF_8));
    }

    static int sendText(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        return send(exchange, status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    static int sendNoContent(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(204, -1);
        return 204;
    }

    private static int send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        return status;
    }
}
