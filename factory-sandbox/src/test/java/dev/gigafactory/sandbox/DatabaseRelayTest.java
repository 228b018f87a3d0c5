package dev.gigafactory.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jail with a database: the relayed port of its own loopback reaches the caller's database, and nothing else does,
 * not even that same listener by its own address, which the caller reaches directly (the control).
 */
class DatabaseRelayTest {

    private static final int INSIDE_PORT = 5432;

    // Each probe in a subshell: bash's /dev/tcp connects, and a failed connect ends only that subshell.
    private static final String PROBES = """
            (exec 3<>/dev/tcp/127.0.0.1/$0 && read -r line <&3 && echo "relayed:$line") 2>/dev/null || echo relayed:closed
            (exec 3<>/dev/tcp/127.0.0.1/$1 && echo direct:open) 2>/dev/null || echo direct:closed
            (exec 3<>/dev/tcp/10.0.0.1/80 && echo outside:open) 2>/dev/null || echo outside:closed
            """;

    @TempDir
    Path dir;

    @Test
    void onlyTheRelayedDatabasePortIsReachableInsideTheJail() throws Exception {
        Sandbox sandbox = Sandbox.of(Sandbox.Mode.BWRAP, Sandbox.Limits.defaults(), dir.resolve("state"));
        assumeTrue(sandbox.unavailable().isEmpty(), () -> "no sandbox here: " + sandbox.unavailable().orElseThrow());
        Path relay = Files.createDirectories(dir.resolve("relay"));
        try (ServerSocket database = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                DatabaseBridge bridge = DatabaseBridge.open(relay,
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), database.getLocalPort()))) {
            AtomicInteger accepted = answerPong(database);
            Sandbox.Jail jail = Sandbox.Jail.of(Files.createDirectories(dir.resolve("workspace")))
                    .reachingDatabase(relay, INSIDE_PORT);

            JailRun run = JailRun.run(sandbox.wrap(jail, List.of("/usr/bin/bash", "-c", PROBES,
                    Integer.toString(INSIDE_PORT), Integer.toString(database.getLocalPort()))), Map.of(),
                    Duration.ofSeconds(60));
            String control = connectFromOutside(database.getLocalPort());

            assertThat(run.exit()).as(run.output()).isZero();
            assertThat(run.output()).contains("relayed:pong", "direct:closed", "outside:closed");
            assertThat(control).as("the same listener, reached from outside").isEqualTo("pong");
            assertThat(accepted).hasValue(2);
        }
    }

    @Test
    void theRelayOfAJailThatOutlivesItsCallerEndsWithTheCommandAndSoDoesTheJail() throws Exception {
        Sandbox sandbox = Sandbox.of(Sandbox.Mode.BWRAP, Sandbox.Limits.defaults(), dir.resolve("state"));
        assumeTrue(sandbox.unavailable().isEmpty(), () -> "no sandbox here: " + sandbox.unavailable().orElseThrow());
        Path relay = Files.createDirectories(dir.resolve("relay"));
        try (ServerSocket database = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                DatabaseBridge bridge = DatabaseBridge.open(relay,
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), database.getLocalPort()))) {
            answerPong(database);
            // as a deployed product's: no pid namespace that dies with the command
            Sandbox.Jail jail = Sandbox.Jail.of(Files.createDirectories(dir.resolve("workspace")))
                    .reachingDatabase(relay, INSIDE_PORT).outlivingCaller();

            // output to a file: an orphaned relay would hold a pipe open, and reading it would never end
            Path output = dir.resolve("output.txt");
            Process run = new ProcessBuilder(sandbox.wrap(jail, List.of("/usr/bin/bash", "-c",
                    "(exec 3<>/dev/tcp/127.0.0.1/$0 && read -r line <&3 && echo \"relayed:$line\")",
                    Integer.toString(INSIDE_PORT)))).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            run.waitFor(60, TimeUnit.SECONDS);

            assertThat(Files.readString(output)).contains("relayed:pong");
            List<String> left = awaitGone(relay.toString(), Duration.ofSeconds(10));
            run.destroyForcibly();
            ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(relay.toString()))
                    .forEach(ProcessHandle::destroyForcibly);
            assertThat(left).as("processes of the jail, its relay among them, once its command has ended").isEmpty();
        }
    }

    // Every process whose command line names the jail's relay directory: its bubblewrap, and the relay inside.
    private static List<String> awaitGone(String marker, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> left;
        do {
            left = ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                    .filter(line -> line.contains(marker)).toList();
            if (left.isEmpty()) {
                return left;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return left;
    }

    private static AtomicInteger answerPong(ServerSocket server) {
        AtomicInteger accepted = new AtomicInteger();
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept(); OutputStream out = socket.getOutputStream()) {
                    accepted.incrementAndGet();
                    out.write("pong\n".getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "fake-database");
        thread.setDaemon(true);
        thread.start();
        return accepted;
    }

    private static String connectFromOutside(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
