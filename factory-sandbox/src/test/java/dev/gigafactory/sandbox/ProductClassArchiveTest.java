package dev.gigafactory.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Products started in the sandbox map the JDK classes they need from the archive the sandbox dumped, not from the
 * JDK's modules; the same program without the sandbox's JVM options is the control.
 */
class ProductClassArchiveTest {

    // jdk.httpserver is in no archive the JDK ships: found in the shared objects file, it came from ours.
    private static final String SERVER_CLASS = "com.sun.net.httpserver.HttpServer";
    private static final String PROGRAM = """
            public class Serve {
                public static void main(String[] args) throws Exception {
                    com.sun.net.httpserver.HttpServer.create().getClass();
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aProductInTheSandboxLoadsTheJdkClassesItNeedsFromTheArchive() throws Exception {
        Sandbox sandbox = Sandbox.of(Sandbox.Mode.BWRAP, Sandbox.Limits.defaults(), dir.resolve("state"));
        assertThat(sandbox.unavailable()).isEmpty();
        List<String> options = awaitArchive(sandbox);

        assertThat(options).singleElement().asString().startsWith("-XX:SharedArchiveFile=/opt/");
        assertThat(loadedFrom(sandbox, options)).contains(SERVER_CLASS + " source: shared objects file");
        assertThat(loadedFrom(sandbox, List.of())).contains(SERVER_CLASS + " source: jrt:/jdk.httpserver");
    }

    @Test
    void withoutBubblewrapThereIsNoArchiveToMap() {
        Sandbox sandbox = Sandbox.of(Sandbox.Mode.NONE, Sandbox.Limits.defaults(), dir.resolve("state"));

        assertThat(sandbox.jvmOptions()).isEmpty();
    }

    private static List<String> awaitArchive(Sandbox sandbox) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (sandbox.jvmOptions().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return sandbox.jvmOptions();
    }

    private String loadedFrom(Sandbox sandbox, List<String> options) throws IOException, InterruptedException {
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        Files.writeString(workspace.resolve("Serve.java"), PROGRAM);
        List<String> command = new ArrayList<>(List.of(Sandbox.javaCommand(), "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xmx64m", "-XX:CompressedClassSpaceSize=32m", "-Xlog:class+load=info"));
        command.addAll(options);
        command.add("Serve.java");
        Process process = new ProcessBuilder(sandbox.wrap(Sandbox.Jail.of(workspace), command))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
