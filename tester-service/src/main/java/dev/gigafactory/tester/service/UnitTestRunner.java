package dev.gigafactory.tester.service;

import dev.gigafactory.contracts.acceptance.Excerpts;
import dev.gigafactory.contracts.product.ProductContract;
import dev.gigafactory.sandbox.OutputGuard;
import dev.gigafactory.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the product's own test class in a sandboxed JVM of its own, so a test that hangs, exits, spins or floods its
 * output cannot touch the tester.
 */
public final class UnitTestRunner {

    // What the sandbox's shell reports for a child killed by SIGXCPU (ulimit -t) or SIGKILL.
    private static final int KILLED_BY_SIGXCPU = 128 + 24;
    private static final int KILLED_BY_SIGKILL = 128 + 9;

    private final ChildProcesses processes;

    public UnitTestRunner(ChildProcesses processes) {
        this.processes = processes;
    }

    /** How the run ended: exit code (null when it was stopped), why it was stopped, and its output. */
    public record Outcome(Integer exitCode, String stopped, String output, long durationMs) {

        public boolean passed() {
            return exitCode != null && exitCode == 0;
        }

        /** For the verdict: why it did not pass. */
        public String problem() {
            if (stopped != null) {
                return stopped;
            }
            return "exit code: expected 0 but was " + exitCode;
        }
    }

    public Outcome run(Path workspace, List<Path> classpath, String testClass, Duration timeout) {
        long started = System.nanoTime();
        Path log = workspace.resolve("unit-tests.log");
        Path data = workspace.resolve("unit-test-data");
        String joined = classpath.stream().map(path -> path.toAbsolutePath().toString())
                .collect(Collectors.joining(java.io.File.pathSeparator));
        Sandbox.Limits limits = processes.sandbox().limits();
        Process process = null;
        try {
            Files.createDirectories(data);
            List<String> arguments = new java.util.ArrayList<>(processes.sandbox().jvmOptions());
            arguments.addAll(List.of("-cp", joined, testClass));
            List<String> command = processes.java(Sandbox.Jail.of(workspace, data), "128m", arguments);
            process = processes.builder(command, workspace,
                    Map.of(ProductContract.ENV_DATA_DIR, data.toAbsolutePath().toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            processes.started(process.pid());
            try (OutputGuard guard = OutputGuard.watch(log, limits.outputBytes(), process)) {
                boolean finished = process.waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
                if (!finished) {
                    ChildProcesses.kill(process);
                }
                String stopped = guard.tripped()
                        ? "stopped: wrote more than " + OutputGuard.mebibytes(limits.outputBytes()) + " of output"
                        : !finished ? "did not finish within " + seconds(timeout) : null;
                Integer exitCode = stopped == null ? process.exitValue() : null;
                if (exitCode != null && exitCode == KILLED_BY_SIGXCPU) {
                    stopped = "stopped: used up its CPU-time limit of " + seconds(limits.cpu());
                    exitCode = null;
                } else if (exitCode != null && exitCode == KILLED_BY_SIGKILL) {
                    stopped = "killed (SIGKILL): CPU-time or memory limit reached";
                    exitCode = null;
                }
                return new Outcome(exitCode, stopped, Excerpts.tailOf(log), millisSince(started));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the unit tests in " + workspace, e);
        } catch (InterruptedException e) {
            ChildProcesses.kill(process);
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", "interrupted", millisSince(started));
        } finally {
            if (process != null) {
                processes.ended(process.pid());
            }
        }
    }

    private static String seconds(Duration duration) {
        return dev.gigafactory.contracts.acceptance.ProductClient.seconds(duration);
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
