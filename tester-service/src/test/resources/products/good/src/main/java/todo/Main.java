package todo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A tiny in-memory todo service: just enough of a generated product to pass examples/specs/todo.yaml. */
public final class Main {

    private static final Map<String, Map<String, Object>> TODOS = new LinkedHashMap<>();

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "0"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/health", exchange -> send(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext("/todos", Main::todos);
        server.start();
        System.out.println("gigafactory-product listening on port " + server.getAddress().getPort());
    }

    private static synchronized void todos(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String[] parts = exchange.getRequestURI().getPath().split("/");
        String id = parts.length > 2 ? parts[2] : null;
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (id == null && method.equals("POST")) {
            Map<String, Object> todo = validated(body);
            if (todo == null) {
                send(exchange, 400, "{\"title\":\"required\"}");
                return;
            }
            todo.put("id", UUID.randomUUID().toString());
            TODOS.put((String) todo.get("id"), todo);
            send(exchange, 201, Json.write(todo));
        } else if (id == null) {
            send(exchange, 200, TODOS.values().stream().map(Json::write).reduce((a, b) -> a + "," + b)
                    .map(list -> "[" + list + "]").orElse("[]"));
        } else if (!TODOS.containsKey(id)) {
            send(exchange, 404, "{\"title\":\"Not Found\"}");
        } else if (method.equals("GET")) {
            send(exchange, 200, Json.write(TODOS.get(id)));
        } else if (method.equals("PUT")) {
            Map<String, Object> todo = validated(body);
            if (todo == null) {
                send(exchange, 400, "{\"title\":\"required\"}");
                return;
            }
            todo.put("id", id);
            TODOS.put(id, todo);
            send(exchange, 200, Json.write(todo));
        } else if (method.equals("DELETE")) {
            TODOS.remove(id);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        } else {
            send(exchange, 405, "{}");
        }
    }

    static Map<String, Object> validated(String body) {
        Map<String, Object> input = Json.read(body);
        if (!(input.get("title") instanceof String)) {
            return null;
        }
        Map<String, Object> todo = new LinkedHashMap<>();
        todo.put("title", input.get("title"));
        todo.put("done", input.getOrDefault("done", false));
        todo.put("priority", input.getOrDefault("priority", "normal"));
        return todo;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
