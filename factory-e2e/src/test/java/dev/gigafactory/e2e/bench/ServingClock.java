package dev.gigafactory.e2e.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * When a URL serves (again), as a user polling it would see: a GET fired every 20 ms, each on its own, so one stuck
 * on a hung product does not delay the next; the time is that of the first answer that matches.
 */
final class ServingClock implements AutoCloseable {

    private static final long EVERY_MILLIS = 20;
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(500);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "serving-clock");
        thread.setDaemon(true);
        return thread;
    });
    private final CompletableFuture<Instant> serving = new CompletableFuture<>();

    private ServingClock(URI uri, Predicate<HttpResponse<String>> matches) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).build();
        ticker.scheduleAtFixedRate(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenAccept(response -> {
                    if (matches.test(response)) {
                        serving.complete(Instant.now());
                    }
                }), 0, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts polling now. */
    static ServingClock watch(URI uri, Predicate<HttpResponse<String>> matches) {
        return new ServingClock(uri, matches);
    }

    static Predicate<HttpResponse<String>> ok() {
        return response -> response.statusCode() == 200;
    }

    Instant await(Duration timeout) throws Exception {
        try {
            return serving.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("not serving within " + timeout, e);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
