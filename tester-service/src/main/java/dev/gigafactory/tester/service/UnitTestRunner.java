package dev.gigafactory.tester.service;

import dev.gigafactory.contracts.acceptance.Excerpts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Runs the product's own test class in a JVM of its own, so a test that hangs or exits cannot touch the tester. */
public final class UnitTestRunner {

    private static final List<String> JVM_FLAGS = List.of("-Xmx128m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    private final ChildProcesses processes;

    public UnitTestRunner(ChildProcesses processes) {
        this.processes = processes;
    }

    /** How the run ended: exit code (null when it was killed for taking too long) and its output. */
    public record Outcome(Integer exitCode, String output, long durationMs) {

        public boolean passed() {
            return exitCode != null && exitCode == 0;
        }
    }

    public Outcome run(Path workspace, List<Path> classpath, String testClass, Duration timeout) {
        long started = System.nanoTime();
        Path log = workspace.resolve("unit-tests.log");
        Path data = workspace.resolve("unit-test-data");
        String joined = classpath.stream().map(path -> path.toAbsolutePath().toString())
                .collect(Collectors.joining(java.io.File.pathSeparator));
        Process process = null;
        try {
            Files.createDirectories(data);
            ProcessBuilder builder = processes.builder(
                    processes.java(concat(JVM_FLAGS, List.of("-cp", joined, testClass))), workspace, data)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            process = builder.start();
            processes.started(process.pid());
            boolean finished = process.waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            if (!finished) {
                ChildProcesses.kill(process);
            }
            Integer exitCode = finished ? process.exitValue() : null;
            return new Outcome(exitCode, Excerpts.tailOf(log), (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the unit tests in " + workspace, e);
        } catch (InterruptedException e) {
            ChildProcesses.kill(process);
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", (System.nanoTime() - started) / 1_000_000);
        } finally {
            if (process != null) {
                processes.ended(process.pid());
            }
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
