package dev.gigafactory.devstack.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** The intake service's status API and its one write the CLI makes (a retry), as the CLI uses them. */
final class IntakeClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI base;
    private final String apiKey;

    IntakeClient(URI base) {
        this(base, null);
    }

    /** {@code apiKey} goes with writes as a bearer token; intake guards writes when it has keys configured. */
    IntakeClient(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
    }

    /** What intake answered to a retry: the 202 body when taken, otherwise the status and why not. */
    record RetryAnswer(int status, JsonNode body, String why) {
        boolean accepted() {
            return status == 202;
        }
    }

    /** {@code POST /api/specs/{name}/retry}. */
    RetryAnswer retry(String name) {
        String path = "/api/specs/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/retry";
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody());
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<byte[]> response = send(request.build());
        JsonNode body = parse(response.body());
        String why = switch (response.statusCode()) {
            case 202 -> "";
            case 401 -> "intake refused the retry (401): set INTAKE_API_KEY to one of its API keys";
            case 404 -> firstNonBlank(StatusView.text(body, "detail"), "intake knows no spec named " + name);
            default -> firstNonBlank(StatusView.text(body, "detail"),
                    "intake answered " + response.statusCode() + ": " + new String(response.body(),
                            StandardCharsets.UTF_8));
        };
        return new RetryAnswer(response.statusCode(), body, why);
    }

    /** {@code GET /api/specs}: a page of summaries. */
    JsonNode list() {
        return get("/api/specs").orElseThrow(() -> new IllegalStateException("intake answered 404 for /api/specs"));
    }

    /** {@code GET /api/specs/{name}}: the newest version with its timeline, or empty if intake knows no such spec. */
    Optional<JsonNode> spec(String name) {
        return get("/api/specs/" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    private Optional<JsonNode> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response = send(request);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("intake answered " + response.statusCode() + " for " + path + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return Optional.of(parse(response.body()));
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? JSON.missingNode() : JSON.readTree(body);
        } catch (IOException e) {
            // a body that is not JSON (a proxy's error page) carries no fields; the status still tells
            return JSON.missingNode();
        }
    }

    private static String firstNonBlank(String value, String fallback) {
        return value.isBlank() ? fallback : value;
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the intake service at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Whether {@code url} answers 200 to a GET right now. */
    static boolean answers(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
