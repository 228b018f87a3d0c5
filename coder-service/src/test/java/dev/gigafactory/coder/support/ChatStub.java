package dev.gigafactory.coder.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gigafactory.contracts.codec.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local server speaking the chat-completions protocol, on a free port: it answers {@code POST
 * /v1/chat/completions} with scripted replies in order (the last one repeats) and keeps every request it was sent.
 */
public final class ChatStub implements AutoCloseable {

    /** One scripted answer: status, body, an optional delay before answering and an optional Retry-After. */
    public record Reply(int status, String body, long delayMillis, String retryAfter) {

        public static Reply completion(String content, long promptTokens, long completionTokens) {
            ObjectNode root = Json.mapper().createObjectNode();
            root.put("id", "chatcmpl-stub").put("object", "chat.completion").put("model", "stub-model");
            root.withArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                    .putObject("message").put("role", "assistant").put("content", content);
            root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                    .put("total_tokens", promptTokens + completionTokens);
            return new Reply(200, root.toString(), 0, null);
        }

        public static Reply status(int status, String body) {
            return new Reply(status, body, 0, null);
        }

        public Reply delayed(long millis) {
            return new Reply(status, body, millis, retryAfter);
        }

        public Reply retryAfter(String seconds) {
            return new Reply(status, body, delayMillis, seconds);
        }
    }

    /** What the stub was sent. */
    public record Request(String authorization, JsonNode body) {

        /** The content of the conversation's last message. */
        public String lastMessage() {
            JsonNode messages = body.path("messages");
            return messages.path(messages.size() - 1).path("content").asText();
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Reply last = Reply.status(500, "{\"error\":\"nothing scripted\"}");

    private ChatStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public static ChatStub start() {
        try {
            return new ChatStub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Replaces the script: these replies in order, then the last one again for any further request. */
    public ChatStub script(Reply... replies) {
        script.clear();
        requests.clear();
        script.addAll(List.of(replies));
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(new Request(exchange.getRequestHeaders().getFirst("Authorization"),
                    Json.mapper().readTree(body)));
            Reply reply = next();
            if (reply.delayMillis() > 0) {
                Thread.sleep(reply.delayMillis());
            }
            byte[] answer = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (reply.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", reply.retryAfter());
            }
            exchange.sendResponseHeaders(reply.status(), answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a timeout under test): nothing to answer
        }
    }

    private synchronized Reply next() {
        Reply reply = script.poll();
        if (reply != null) {
            last = reply;
        }
        return last;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
