package wrong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Answers every todo request, but not the way the spec says: fixed body, no validation. */
public final class Main {

    private static final String TODO = "{\"id\":\"1\",\"title\":\"Buy bread\",\"done\":true,\"priority\":\"normal\"}";

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "0"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/health", exchange -> send(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext("/todos", Main::todos);
        server.start();
        System.out.println("gigafactory-product listening on port " + server.getAddress().getPort());
    }

    private static void todos(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        switch (exchange.getRequestMethod()) {
            case "POST" -> send(exchange, 201, TODO);
            case "DELETE" -> send(exchange, 200, "{}");
            default -> send(exchange, 200, TODO);
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
