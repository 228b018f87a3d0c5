package dev.gigafactory.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo never waits for nothing: it follows the version built from the document it submitted (by digest), stops
 * at once on a version that failed for good, and waits while intake still shows another document.
 */
class DemoRetryTest {

    private static final Path TODO = ExampleSpecs.path("todo.yaml");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private HttpServer server;
    private final AtomicInteger polls = new AtomicInteger();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private volatile IntFunction<String> answers;

    @BeforeEach
    void startIntake() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/specs/todo", exchange -> answer(exchange, answers.apply(polls.incrementAndGet())));
        server.createContext("/todos", exchange -> answer(exchange, "[]"));
        server.start();
    }

    @AfterEach
    void stopIntake() {
        server.stop(0);
    }

    @Test
    void ourDocumentFailedForGoodStopsAtOnceWithTheCommandThatRetriesIt() {
        String digest = Demo.digestOf(TODO);
        answers = poll -> status(digest, "failed", "null", """
                ,"retry":{"reason":"abandoned: the tests failed 3 times","command":"./factory retry todo",
                "url":"/api/specs/todo/retry"}""");

        var url = demo().follow("todo", digest, "/todos", TIMEOUT);

        assertThat(url).isEmpty();
        assertThat(output()).contains("todo version 1 failed: abandoned: the tests failed 3 times",
                "  retry it with: ./factory retry todo").doesNotContain("gave up");
        assertThat(polls).hasValue(1);
    }

    @Test
    void anotherDocumentAtFirstIsWaitedOutUntilOursRuns() {
        String digest = Demo.digestOf(TODO);
        answers = poll -> poll < 3
                ? status("sha256:another", "failed", "null", ",\"retry\":{\"reason\":\"old\",\"command\":\"x\"}")
                : poll < 5
                        ? status(digest, "waiting", "null", "")
                        : status(digest, "running", "\"" + base() + "\"", "");

        var url = demo().follow("todo", digest, "/todos", TIMEOUT);

        assertThat(url).hasValue(base());
        assertThat(output()).contains("another document; waiting for intake to take ours")
                .contains("todo is waiting: tester cannot run: bubblewrap (bwrap) is not installed")
                .doesNotContain("failed: old");
        assertThat(output().lines().filter(line -> line.startsWith("todo is waiting"))).hasSize(1);
    }

    private String status(String digest, String stage, String url, String extra) {
        return "{\"name\":\"todo\",\"version\":1,\"digest\":\"" + digest + "\",\"stage\":\"" + stage + "\",\"url\":"
                + url + ",\"timeline\":[{\"stage\":\"accepted\",\"at\":\"2026-11-22T13:00:00.000Z\"},"
                + "{\"stage\":\"waiting\",\"at\":\"2026-11-22T13:00:01.000Z\",\"detail\":\"tester cannot run: "
                + "bubblewrap (bwrap) is not installed\"}]" + extra + "}";
    }

    private Demo demo() {
        return new Demo(new IntakeClient(base()), new PrintStream(printed, true, StandardCharsets.UTF_8),
                Path.of("/state/logs"));
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
