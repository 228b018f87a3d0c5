package dev.gigafactory.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo's follow loop against a stand-in intake whose answers advance one stage per poll. */
class DemoTest {

    private HttpServer server;
    private final AtomicInteger polls = new AtomicInteger();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private volatile List<String> stages;
    private volatile int todosStatus = 200;

    @BeforeEach
    void startIntake() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/specs/todo", this::spec);
        server.createContext("/todos", exchange -> answer(exchange, todosStatus, "[]"));
        server.start();
    }

    @AfterEach
    void stopIntake() {
        server.stop(0);
    }

    @Test
    void printsEachStageOnceAndReturnsTheUrlWhenTheServiceAnswers() {
        stages = List.of("accepted", "planned", "coded", "tested", "running");

        var url = demo().follow("todo", "/todos", Duration.ofSeconds(20));

        assertThat(url).hasValue(base());
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("todo version 1:");
        for (String stage : stages) {
            assertThat(out.lines().filter(line -> line.contains("  " + stage))).hasSize(1);
        }
    }

    @Test
    void givesUpOnARejectedSpecAtOnce() {
        stages = List.of("rejected");

        var url = demo().follow("todo", "/todos", Duration.ofSeconds(20));

        assertThat(url).isEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("rejected");
    }

    @Test
    void timesOutShowingTheLastTimelineAndWhereTheLogsAre() {
        stages = List.of("accepted", "deployed");
        todosStatus = 503;

        var url = demo().follow("todo", "/todos", Duration.ofSeconds(2));

        assertThat(url).isEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("gave up after 2 s")
                .contains("todo v1  stage: deployed").contains("logs: /state/logs");
    }

    private Demo demo() {
        return new Demo(new IntakeClient(base()), new PrintStream(printed, true, StandardCharsets.UTF_8),
                Path.of("/state/logs"));
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every poll reveals one more stage of the timeline. */
    private void spec(HttpExchange exchange) throws IOException {
        int shown = Math.min(stages.size(), polls.incrementAndGet());
        StringBuilder timeline = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            timeline.append(i == 0 ? "" : ",").append("{\"stage\":\"").append(stages.get(i))
                    .append("\",\"at\":\"2026-11-22T13:00:0").append(i).append(".000Z\"}");
        }
        String stage = stages.get(shown - 1);
        String url = stage.equals("deployed") || stage.equals("running") ? "\"" + base() + "\"" : "null";
        answer(exchange, 200, "{\"name\":\"todo\",\"version\":1,\"stage\":\"" + stage + "\",\"url\":" + url
                + ",\"timeline\":[" + timeline + "]}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
