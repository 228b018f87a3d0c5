package dev.gigafactory.deployer.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Plain GETs against a product, the way a user of it would call it. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public record Answer(int status, String body) {
    }

    private Http() {
    }

    /** The answer, or empty when nothing answers at all (connection refused, timed out). */
    public static Optional<Answer> get(String url) {
        return send(url).map(response -> new Answer(response.statusCode(), response.body()));
    }

    /** A header of the answer, if there was an answer and it had the header. */
    public static Optional<String> header(String url, String name) {
        return send(url).flatMap(response -> response.headers().firstValue(name));
    }

    private static Optional<HttpResponse<String>> send(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
            return Optional.of(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
