package dev.gigafactory.testsupport;

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
import java.util.function.Function;

/**
 * A local server speaking the OpenAI chat-completions protocol, on a free port, for tests of an LLM agent in this
 * JVM or in a service process started from it: it answers {@code POST /v1/chat/completions} with scripted replies in
 * order (the last one repeats), or with what a responder makes of each request, and keeps every request it was sent.
 */
public final class ChatCompletionsStub implements AutoCloseable {

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

        /** A completion from a server that says nothing of its tokens (some Ollama and vLLM builds). */
        public static Reply completionWithoutUsage(String content) {
            ObjectNode root = Json.mapper().createObjectNode();
            root.put("id", "chatcmpl-stub").put("object", "chat.completion").put("model", "stub-model");
            root.withArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                    .putObject("message").put("role", "assistant").put("content", content);
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

        /** Every message's content, in order: what the model was shown. */
        public String conversation() {
            StringBuilder all = new StringBuilder();
            body.path("messages").forEach(message -> all.append(message.path("content").asText()).append('\n'));
            return all.toString();
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Reply last = Reply.status(500, "{\"error\":\"nothing scripted\"}");
    private volatile Function<Request, Reply> responder;

    private ChatCompletionsStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public static ChatCompletionsStub start() {
        try {
            return new ChatCompletionsStub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What to give a client as its base URL ({@code coder.llm.base-url}, env {@code CODER_LLM_BASE_URL}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Replaces the script: these replies in order, then the last one again for any further request. */
    public ChatCompletionsStub script(Reply... replies) {
        responder = null;
        script.clear();
        requests.clear();
        script.addAll(List.of(replies));
        return this;
    }

    /** Answers each request with what {@code answer} makes of it, e.g. a different reply once evidence is shown. */
    public ChatCompletionsStub respond(Function<Request, Reply> answer) {
        requests.clear();
        responder = answer;
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Request request = new Request(exchange.getRequestHeaders().getFirst("Authorization"),
                    Json.mapper().readTree(body));
            requests.add(request);
            Function<Request, Reply> answer = responder;
            Reply reply = answer != null ? answer.apply(request) : next();
            if (reply.delayMillis() > 0) {
                Thread.sleep(reply.delayMillis());
            }
            byte[] answerBytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (reply.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", reply.retryAfter());
            }
            exchange.sendResponseHeaders(reply.status(), answerBytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answerBytes);
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
