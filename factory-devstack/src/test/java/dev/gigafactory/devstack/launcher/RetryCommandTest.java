package dev.gigafactory.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./factory retry NAME} against a stand-in intake, found through fleet.json as the real one is. */
class RetryCommandTest {

    @TempDir
    Path stateDir;

    private HttpServer server;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private volatile int status;
    private volatile String body;

    @BeforeEach
    void startIntake() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/specs/", exchange -> {
            boolean retry = exchange.getRequestMethod().equals("POST") && exchange.getRequestURI().getPath()
                    .equals("/api/specs/todo/retry");
            byte[] bytes = (retry ? body : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(retry ? status : 405, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        // this JVM stands in for the running fleet: its pid is alive, which is all "up" means to the launcher
        PidFile.in(stateDir).put(ServiceDef.INTAKE, ProcessHandle.current().pid());
        new FleetFile("127.0.0.1:1", Map.of(ServiceDef.INTAKE, "http://127.0.0.1:" + server.getAddress().getPort()))
                .writeTo(stateDir);
    }

    @AfterEach
    void stopIntake() {
        server.stop(0);
    }

    @Test
    void aTakenRetrySaysWhichVersionAndHowToFollowIt() {
        status = 202;
        body = "{\"name\":\"todo\",\"version\":1,\"retry\":1,\"status\":\"/api/specs/todo\"}";

        assertThat(cli().run(new String[]{"retry", "todo"})).isZero();
        assertThat(output()).contains("retrying todo version 1 (retry 1); follow it with ./factory status todo");
    }

    @Test
    void aRefusedRetryPrintsIntakesReasonAndFails() {
        status = 409;
        body = "{\"title\":\"Nothing to retry\",\"status\":409,"
                + "\"detail\":\"version 1 is running; only a failed version can be retried\"}";

        assertThat(cli().run(new String[]{"retry", "todo"})).isEqualTo(1);
        assertThat(output()).contains("version 1 is running; only a failed version can be retried");
    }

    @Test
    void anUnknownSpecFails() {
        status = 404;
        body = "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no spec named todo\"}";

        assertThat(cli().run(new String[]{"retry", "todo"})).isEqualTo(1);
        assertThat(output()).contains("no spec named todo");
    }

    private FactoryCli cli() {
        return new FactoryCli(stateDir.getParent(), stateDir, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
