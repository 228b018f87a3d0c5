package dev.gigafactory.product.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the HTTP server: binds, says on which port once it is listening, and on SIGTERM stops gracefully: requests in
 * flight finish (late arrivals get a 503), then the server and the journal close.
 *
 * <p>
 * Environment: {@code PORT} (default 0: any free port), {@code DATA_DIR} (default ./data), {@code HOST} (default
 * 127.0.0.1; 0.0.0.0 in a container).
 */
final class Server {

    /** The line the factory waits for; the port follows it. */
    static final String READY_LINE = "gigafactory-product listening on port ";

    private static final int WORKER_THREADS = 16;
    private static final long STOP_GRACE_MILLIS = 5000;

    private Server() {
    }

    static Path dataDir() {
        return Path.of(env("DATA_DIR", "./data"));
    }

    static HttpServer start(Router router, Journal journal) throws IOException {
        int port = Integer.parseInt(env("PORT", "0"));
        InetAddress host = InetAddress.getByName(env("HOST", "127.0.0.1"));
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS);
        Gate gate = new Gate(router);
        server.setExecutor(workers);
        server.createContext("/", gate);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, gate, workers, journal), "graceful-stop"));
        System.out.print(READY_LINE + server.getAddress().getPort() + "\n");
        System.out.flush();
        return server;
    }

    // HttpServer.stop(delay) on Java 17 waits the whole delay even when idle, so the gate does the waiting instead.
    private static void stop(HttpServer server, Gate gate, ExecutorService workers, Journal journal) {
        gate.closeAndAwaitIdle(STOP_GRACE_MILLIS);
        server.stop(0);
        workers.shutdown();
        try {
            workers.awaitTermination(STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        journal.close();
        System.out.println("stopped");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Counts requests in flight so a stop can wait for them; once closed, answers 503 to late arrivals. */
    private static final class Gate implements HttpHandler {

        private final HttpHandler next;
        private final AtomicInteger inFlight = new AtomicInteger();
        private volatile boolean closed;

        Gate(HttpHandler next) {
            this.next = next;
        }

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            inFlight.incrementAndGet();
            try {
                if (closed) {
                    exchange.getResponseHeaders().set("Connection", "close");
                    Http.sendProblem(exchange, Problem.unavailable());
                    exchange.close();
                } else {
                    next.handle(exchange);
                }
            } finally {
                inFlight.decrementAndGet();
            }
        }

        void closeAndAwaitIdle(long timeoutMillis) {
            closed = true;
            long deadline = System.currentTimeMillis() + timeoutMillis;
            while (inFlight.get() > 0 && System.currentTimeMillis() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
