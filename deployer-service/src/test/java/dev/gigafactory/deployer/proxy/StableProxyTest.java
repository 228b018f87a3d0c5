package dev.gigafactory.deployer.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.product.ProductContract;
import dev.gigafactory.deployer.testing.Http;
import dev.gigafactory.deployer.testing.Http.Answer;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a caller of a stable URL sees when there is no product behind it: the proxy's own answer, and why. */
class StableProxyTest {

    private Vertx vertx;
    private StableProxies proxies;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
        proxies = new StableProxies(vertx);
    }

    @AfterEach
    void stopVertx() {
        proxies.close();
        vertx.close();
    }

    @Test
    void aProductThatIsGoneIsA502SayingTheConnectionWasRefused() throws Exception {
        StableProxy proxy = proxies.open("gone", null);
        proxy.switchTo(closedPort());

        assertThat(Http.get(proxy.url() + "/health")).map(Answer::status).contains(502);
        assertThat(Http.header(proxy.url() + "/health", ProductContract.PROXY_STATUS))
                .contains("gigafactory-deployer; error=connection_refused");
    }

    @Test
    void aStableUrlWithNoProductYetIsA503SayingNoDestinationIsAvailable() throws Exception {
        StableProxy proxy = proxies.open("empty", null);

        assertThat(Http.get(proxy.url() + "/health")).map(Answer::status).contains(503);
        assertThat(Http.header(proxy.url() + "/health", ProductContract.PROXY_STATUS))
                .contains("gigafactory-deployer; error=destination_unavailable");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
