package dev.gigafactory.deployer.proxy;

import dev.gigafactory.contracts.product.ProductContract;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One spec's stable URL: a streaming HTTP/1.1 reverse proxy on a port of its own, in front of whichever version of
 * the product serves now. Method, URI, headers (bar hop-by-hop ones), status and bodies pass through unchanged and
 * unbuffered; nothing is added. Switching the upstream is one atomic reference swap; requests already on the old
 * upstream finish there ({@link #drain}), so a blue/green switch fails no request.
 */
public final class StableProxy implements AutoCloseable {

    // RFC 9110 7.6.1: meaningful for one connection only, never forwarded.
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");
    private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);
    private static final String PROXY_NAME = "gigafactory-deployer";

    private final HttpServer server;
    private final HttpClient client;
    private final AtomicReference<Upstream> upstream = new AtomicReference<>();

    private StableProxy(Vertx vertx, HttpClient client) {
        this.client = client;
        this.server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setReuseAddress(true))
                .requestHandler(this::forward);
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port). Blocks until bound; never call it on an event loop. */
    public static StableProxy open(Vertx vertx, HttpClient client, int port) throws ProxyBindException {
        StableProxy proxy = new StableProxy(vertx, client);
        try {
            await(proxy.server.listen(port));
        } catch (ProxyBindException e) {
            throw new ProxyBindException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        }
        return proxy;
    }

    public int port() {
        return server.actualPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** From now on every new request goes to {@code port}; returns the upstream it replaced, to drain. */
    public Optional<Upstream> switchTo(int port) {
        return Optional.ofNullable(upstream.getAndSet(new Upstream(port)));
    }

    public Optional<Integer> upstreamPort() {
        return Optional.ofNullable(upstream.get()).map(Upstream::port);
    }

    /** Waits until no request is in flight on the replaced upstream; false if some still were at the timeout. */
    public static boolean drain(Upstream replaced, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (replaced.inFlight() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            await(server.close());
        } catch (ProxyBindException e) {
            // closing is best effort: the port is released with the JVM at the latest
        }
    }

    private void forward(HttpServerRequest request) {
        Upstream target = acquire();
        if (target == null) {
            request.response().setStatusCode(503).putHeader(ProductContract.PROXY_STATUS,
                    PROXY_NAME + "; error=destination_unavailable").end();
            return;
        }
        request.pause();
        RequestOptions options = new RequestOptions().setMethod(request.method()).setHost("127.0.0.1")
                .setPort(target.port()).setURI(request.uri()).setHeaders(endToEnd(request.headers()));
        client.request(options)
                .compose(outgoing -> outgoing.send(request))
                .onSuccess(answer -> relay(answer, request.response(), target))
                .onFailure(failure -> {
                    target.release();
                    if (!request.response().headWritten()) {
                        request.response().setStatusCode(502)
                                .putHeader(ProductContract.PROXY_STATUS, PROXY_NAME + "; error=" + error(failure))
                                .end();
                    } else {
                        request.response().reset();
                    }
                });
    }

    /** The RFC 9209 error type of a failed forward. A timeout is a kind of ConnectException in Netty: it goes first. */
    private static String error(Throwable failure) {
        if (failure instanceof ConnectTimeoutException) {
            return "connection_timeout";
        }
        if (failure instanceof ConnectException) {
            return ProductContract.PROXY_ERROR_CONNECTION_REFUSED;
        }
        return "connection_terminated";
    }

    private static void relay(HttpClientResponse answer, HttpServerResponse response, Upstream target) {
        response.setStatusCode(answer.statusCode()).setStatusMessage(answer.statusMessage());
        response.headers().addAll(endToEnd(answer.headers()));
        response.send(answer).onComplete(done -> target.release());
    }

    // Increment first, then check it is still the current one: a drain that already saw zero cannot miss us.
    private Upstream acquire() {
        while (true) {
            Upstream current = upstream.get();
            if (current == null) {
                return null;
            }
            current.begin();
            if (upstream.get() == current) {
                return current;
            }
            current.release();
        }
    }

    private static MultiMap endToEnd(MultiMap headers) {
        MultiMap copy = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, String> header : headers) {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                copy.add(header.getKey(), header.getValue());
            }
        }
        return copy;
    }

    private static <T> T await(Future<T> future) throws ProxyBindException {
        try {
            return future.toCompletionStage().toCompletableFuture().get(BIND_TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ProxyBindException(e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new ProxyBindException("timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProxyBindException("interrupted");
        }
    }
}
