package dev.gigafactory.contracts.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.codec.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends one acceptance request to the product under test, JSON in and out, bounded in time and size. */
public final class ProductClient {

    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** What came back: the status, the body's text, and the body as JSON when it is JSON (else null). */
    public record Reply(int status, String text, JsonNode json) {
    }

    /** Thrown when no answer came: refused, reset, or too slow. The message says which. */
    public static final class NoReply extends Exception {
        NoReply(String message) {
            super(message);
        }
    }

    public Reply send(String baseUrl, String method, String path, JsonNode body, Duration timeout) throws NoReply {
        HttpRequest request = request(baseUrl, method, path, body, timeout);
        // The client's own timeout stops at the headers; this one also covers a body that never ends.
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, BoundedBody.handler(MAX_BODY_BYTES));
        try {
            HttpResponse<byte[]> response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String text = new String(response.body(), StandardCharsets.UTF_8);
            return new Reply(response.statusCode(), text, parse(response.body()));
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new NoReply("no answer within " + seconds(timeout));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw new NoReply("no answer within " + seconds(timeout));
            }
            throw new NoReply("request failed: " + describe(cause));
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new NoReply("interrupted while waiting for the answer");
        }
    }

    private static HttpRequest request(String baseUrl, String method, String path, JsonNode body, Duration timeout)
            throws NoReply {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(timeout)
                    .header("Accept", "application/json");
            if (body == null) {
                return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
            }
            return builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.write(body))).build();
        } catch (IllegalArgumentException e) {
            throw new NoReply("cannot send " + method + " " + path + ": " + e.getMessage());
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String describe(Throwable cause) {
        String type = cause == null ? "unknown error" : cause.getClass().getSimpleName();
        if (cause instanceof java.net.ConnectException) {
            return "connection refused (has the product stopped?)";
        }
        return cause == null || cause.getMessage() == null ? type : type + ": " + cause.getMessage();
    }

    public static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
