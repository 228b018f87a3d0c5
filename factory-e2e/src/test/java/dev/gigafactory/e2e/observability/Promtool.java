package dev.gigafactory.e2e.observability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs Debian's {@code promtool} (package prometheus; .ci/run installs it) and captures what it says. */
final class Promtool {

    record Outcome(int exitCode, String output) {
    }

    private Promtool() {
    }

    static Outcome run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable("promtool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("promtool " + args[0] + " did not finish: " + output);
        }
        return new Outcome(process.exitValue(), output);
    }

    /** A missing tool is a broken machine, not a reason to skip: say how to fix it. */
    static Path executable(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(":")).map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not on the PATH (" + path
                        + "): install Debian's prometheus package (apt-get install -y prometheus), as .ci/run does"));
    }
}
