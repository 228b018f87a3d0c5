package dev.gigafactory.monitor.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gigafactory.contracts.product.ProductContract;
import dev.gigafactory.monitor.domain.ProbeResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real sockets on 127.0.0.1: what each kind of failure looks like to the prober. */
class HealthProberTest {

    private final HealthProber prober = new HealthProber(Duration.ofMillis(500));
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void twoHundredIsHealthy() {
        answer("/ok/health", 200);

        assertThat(prober.probe(url("/ok")).join()).isEqualTo(ProbeResult.up());
    }

    @Test
    void anErrorStatusIsUnhealthy() {
        answer("/sick/health", 503);

        assertThat(prober.probe(url("/sick")).join()).isEqualTo(ProbeResult.unhealthy("HTTP 503"));
    }

    @Test
    void nothingListeningIsARefusedConnection() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThat(prober.probe("http://127.0.0.1:" + closedPort).join()).isEqualTo(ProbeResult.connectionRefused());
    }

    @Test
    void aStableUrlWhoseProductIsGoneIsARefusedConnectionBehindTheProxy() {
        answer("/gone/health", 502, "gigafactory-deployer; error=connection_refused");

        ProbeResult result = prober.probe(url("/gone")).join();

        assertThat(result.refused()).as("a crash, not an unhealthy product").isTrue();
        assertThat(result.observation()).isEqualTo("HTTP 502 (gigafactory-deployer; error=connection_refused)");
    }

    @Test
    void aProxyThatCouldNotGetAnAnswerInTimeIsUnhealthyNotACrash() {
        answer("/slow/health", 502, "gigafactory-deployer; error=connection_timeout");

        ProbeResult result = prober.probe(url("/slow")).join();

        assertThat(result.healthy()).isFalse();
        assertThat(result.refused()).isFalse();
    }

    @Test
    void noAnswerInTimeIsUnhealthyNotACrash() {
        server.createContext("/stuck/health", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });

        ProbeResult result = prober.probe(url("/stuck")).join();

        assertThat(result.healthy()).isFalse();
        assertThat(result.refused()).isFalse();
        assertThat(result.observation()).isEqualTo("no answer within 500 ms");
    }

    private void answer(String path, int status) {
        answer(path, status, null);
    }

    private void answer(String path, int status, String proxyStatus) {
        server.createContext(path, exchange -> {
            if (proxyStatus != null) {
                exchange.getResponseHeaders().add(ProductContract.PROXY_STATUS, proxyStatus);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
    }

    private String url(String prefix) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    }
}
