package dev.gigafactory.devstack.launcher;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * Stands in for a service's quarkus-run.jar: prints Quarkus's listening line, answers the readiness probe, and
 * shows the environment the launcher gave it at {@code /env} (one KEY=value per line).
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/q/health/ready", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/env", exchange -> {
            StringBuilder env = new StringBuilder();
            new TreeMap<>(System.getenv()).forEach((k, v) -> env.append(k).append('=').append(v).append('\n'));
            env.append("CWD=").append(System.getProperty("user.dir")).append('\n');
            byte[] body = env.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("fake-service started in 0.1s. Listening on: http://127.0.0.1:"
                + server.getAddress().getPort());
    }
}
