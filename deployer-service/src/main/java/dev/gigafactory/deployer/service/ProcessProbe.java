package dev.gigafactory.deployer.service;

import dev.gigafactory.contracts.product.ProductContract;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Is a recorded product still there: its process alive, its /health answering. */
public interface ProcessProbe {

    boolean alive(long pid);

    boolean healthy(String url);

    /** The real thing: the OS process table and an HTTP GET. */
    static ProcessProbe system() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        return new ProcessProbe() {
            @Override
            public boolean alive(long pid) {
                Optional<ProcessHandle> handle = ProcessHandle.of(pid);
                return handle.isPresent() && handle.get().isAlive();
            }

            @Override
            public boolean healthy(String url) {
                try {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url + ProductContract.HEALTH_PATH))
                            .timeout(Duration.ofSeconds(2)).GET().build();
                    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        };
    }
}
