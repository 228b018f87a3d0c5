package dev.gigafactory.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What a command in a jail printed (stdout and stderr together), its exit code, and how long it took. */
record JailRun(int exit, String output, Duration took) {

    /** Runs {@code command} (already wrapped) in a scrubbed environment plus {@code environment}. */
    static JailRun run(List<String> command, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        // read on another thread so a command that hangs is still cut at the timeout
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("(output lost: ").append(e.getMessage()).append(')');
            }
        });
        reader.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
        reader.join();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new JailRun(process.isAlive() ? -1 : process.exitValue(), output.toString(), took);
    }
}
