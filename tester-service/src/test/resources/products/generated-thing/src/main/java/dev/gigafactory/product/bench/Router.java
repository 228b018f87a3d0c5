package dev.gigafactory.product.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends each request to health, metrics, or an entity's collection ({@code /todos}) or item ({@code /todos/{id}}),
 * answers every failure as problem+json, and records every answer in the metrics.
 */
final class Router implements HttpHandler {

    private static final String UNMATCHED = "unmatched";
    // Which operation of the spec each method means, in the order the Allow header lists them.
    private static final Map<String, String> COLLECTION = Map.of("GET", "list", "POST", "create");
    private static final Map<String, String> ITEM = Map.of("GET", "get", "PUT", "update", "DELETE", "delete");
    private static final List<String> METHOD_ORDER = List.of("GET", "POST", "PUT", "DELETE");

    private record Resource(Store<?> store, Set<String> operations) {
    }

    private final Map<String, Resource> resources = new LinkedHashMap<>();
    private final Metrics metrics;

    Router(Metrics metrics) {
        this.metrics = metrics;
    }

    /** Serves {@code /plural} and {@code /plural/{id}} for the store, offering only the given operations. */
    void register(String plural, Store<?> store, Set<String> operations) {
        resources.put(plural, new Resource(store, Set.copyOf(operations)));
    }

    @Override
    public void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String route = UNMATCHED;
        int status = 500;
        try {
            List<String> segments = segments(exchange.getRequestURI().getPath());
            route = routeOf(segments);
            status = dispatch(exchange, method, segments);
        } catch (Problem problem) {
            status = answer(exchange, problem);
        } catch (IOException | RuntimeException e) {
            System.err.println("request " + method + " " + exchange.getRequestURI() + " failed: " + e);
            status = answer(exchange, Problem.internal());
        } finally {
            metrics.record(method, route, status, System.nanoTime() - started);
            exchange.close();
        }
    }

    private int dispatch(HttpExchange exchange, String method, List<String> segments) throws IOException {
        if (segments.equals(List.of("health"))) {
            only("GET", method);
            return Http.sendJson(exchange, 200, Map.of("status", "UP"));
        }
        if (segments.equals(List.of("metrics"))) {
            only("GET", method);
            return Http.sendText(exchange, 200, Metrics.CONTENT_TYPE, metrics.render());
        }
        Resource resource = segments.isEmpty() || segments.size() > 2 ? null : resources.get(segments.get(0));
        if (resource == null) {
            throw Problem.notFound("there is nothing at " + exchange.getRequestURI().getPath());
        }
        return segments.size() == 1
                ? collection(exchange, method, resource, segments.get(0))
                : item(exchange, method, resource, segments.get(1));
    }

    private static int collection(HttpExchange exchange, String method, Resource resource, String plural)
            throws IOException {
        if (operation(resource, method, COLLECTION).equals("list")) {
            return Http.sendJson(exchange, 200, resource.store().list());
        }
        Map<String, Object> created = resource.store().create(Http.readObject(exchange));
        exchange.getResponseHeaders().set("Location", "/" + plural + "/" + created.get("id"));
        return Http.sendJson(exchange, 201, created);
    }

    private static int item(HttpExchange exchange, String method, Resource resource, String id) throws IOException {
        Store<?> store = resource.store();
        String operation = operation(resource, method, ITEM);
        if (operation.equals("delete")) {
            if (!store.delete(id)) {
                throw notFound(store, id);
            }
            return Http.sendNoContent(exchange);
        }
        Map<String, Object> found = operation.equals("get")
                ? store.get(id)
                : store.replace(id, Http.readObject(exchange));
        if (found == null) {
            throw notFound(store, id);
        }
        return Http.sendJson(exchange, 200, found);
    }

    /** The spec operation the method asks for, or a 405 naming the methods that are offered. */
    private static String operation(Resource resource, String method, Map<String, String> methods) {
        String operation = methods.get(method);
        if (operation == null || !resource.operations().contains(operation)) {
            String allow = METHOD_ORDER.stream()
                    .filter(candidate -> methods.containsKey(candidate)
                            && resource.operations().contains(methods.get(candidate)))
                    .collect(Collectors.joining(", "));
            throw Problem.methodNotAllowed(method, allow);
        }
        return operation;
    }

    private static void only(String allowed, String method) {
        if (!allowed.equals(method)) {
            throw Problem.methodNotAllowed(method, allowed);
        }
    }

    private static Problem notFound(Store<?> store, String id) {
        return Problem.notFound("there is no " + store.entity() + " with id " + id);
    }

    private String routeOf(List<String> segments) {
        if (segments.equals(List.of("health")) || segments.equals(List.of("metrics"))) {
            return "/" + segments.get(0);
        }
        if (segments.isEmpty() || segments.size() > 2 || !resources.containsKey(segments.get(0))) {
            return UNMATCHED;
        }
        return segments.size() == 1 ? "/" + segments.get(0) : "/" + segments.get(0) + "/{id}";
    }

    /** "/todos/42/" gives [todos, 42]; the root, or an empty segment anywhere, gives [] which matches nothing. */
    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        trimmed = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        List<String> segments = Arrays.asList(trimmed.split("/", -1));
        return segments.contains("") ? List.of() : segments;
    }

    private static int answer(HttpExchange exchange, Problem problem) {
        try {
            return Http.sendProblem(exchange, problem);
        } catch (IOException | RuntimeException e) {
            // The answer was already under way or the client has gone; the status is what we meant to send.
            return problem.status();
        }
    }
}
