package dev.gigafactory.operator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * {@code /q/health/live} and {@code /q/health/ready}, the paths the services answer, so one probe definition fits
 * every Deployment of the factory. Live while the process runs; ready while the operator watches and follows.
 */
final class HealthEndpoint implements AutoCloseable {

    private final HttpServer server;

    HealthEndpoint(int port, BooleanSupplier ready) {
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
        server.createContext("/q/health/live", exchange -> answer(exchange, true));
        server.createContext("/q/health/ready", exchange -> answer(exchange, ready.getAsBoolean()));
        server.createContext("/q/health", exchange -> answer(exchange, ready.getAsBoolean()));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, boolean up) throws IOException {
        byte[] body = ("{\"status\":\"" + (up ? "UP" : "DOWN") + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(up ? 200 : 503, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
