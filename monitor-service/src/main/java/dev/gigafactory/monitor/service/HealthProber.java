package dev.gigafactory.monitor.service;

import dev.gigafactory.contracts.product.ProductContract;
import dev.gigafactory.monitor.domain.MetricsSnapshot;
import dev.gigafactory.monitor.domain.ProbeResult;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * GET {@code <url>/health} and {@code <url>/metrics} with one shared client; never throws, every outcome is a
 * ProbeResult or an absent scrape.
 */
public final class HealthProber {

    private final HttpClient http;
    private final Duration timeout;

    public HealthProber(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    public CompletableFuture<ProbeResult> probe(String url) {
        HttpRequest request;
        try {
            request = get(url + ProductContract.HEALTH_PATH);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(ProbeResult.unhealthy("not a URL"));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(HealthProber::verdict)
                .exceptionally(this::failure);
    }

    // Behind the deployer's stable URL a crashed product is the proxy's 502, not a refused connection: its
    // Proxy-Status header (RFC 9209) says which it is.
    private static ProbeResult verdict(HttpResponse<Void> response) {
        if (response.statusCode() == 200) {
            return ProbeResult.up();
        }
        Optional<String> proxyStatus = response.headers().firstValue(ProductContract.PROXY_STATUS);
        String observation = "HTTP " + response.statusCode() + proxyStatus.map(status -> " (" + status + ")")
                .orElse("");
        return proxyStatus.filter(HealthProber::refused).isPresent()
                ? ProbeResult.refusedBehindProxy(observation)
                : ProbeResult.unhealthy(observation);
    }

    /** {@code name; error=connection_refused}, for any intermediary of the list. */
    private static boolean refused(String proxyStatus) {
        return Arrays.stream(proxyStatus.split("[,;]")).map(String::strip)
                .anyMatch(("error=" + ProductContract.PROXY_ERROR_CONNECTION_REFUSED)::equalsIgnoreCase);
    }

    /** The product's request counters; absent when it has none to show (the window then just has a gap). */
    public CompletableFuture<Optional<MetricsSnapshot>> scrape(String url) {
        try {
            return http.sendAsync(get(url + ProductContract.METRICS_PATH), HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> response.statusCode() == 200
                            ? Optional.of(MetricsSnapshot.of(PrometheusText.parse(response.body())))
                            : Optional.<MetricsSnapshot>empty())
                    .exceptionally(failure -> Optional.empty());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
    }

    private HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
    }

    private ProbeResult failure(Throwable thrown) {
        Throwable cause = thrown instanceof CompletionException && thrown.getCause() != null
                ? thrown.getCause()
                : thrown;
        if (cause instanceof ConnectException) {
            return ProbeResult.connectionRefused();
        }
        if (cause instanceof HttpTimeoutException) {
            return ProbeResult.unhealthy("no answer within " + timeout.toMillis() + " ms");
        }
        return ProbeResult.unhealthy(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
}
