package dev.gigafactory.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Faults injected into a process from outside, as the OS or an operator would: for tests and benchmarks. */
public final class Faults {

    private Faults() {
    }

    /** kill -9: the process dies at once, nothing flushed; returns once it is gone. */
    public static void crash(long pid) {
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        });
    }

    /** SIGSTOP: the process stays alive and keeps its sockets open, but answers nothing, as a hung one would. */
    public static void freeze(long pid) {
        signal(pid, "STOP");
    }

    /** SIGCONT: a frozen process runs again. */
    public static void thaw(long pid) {
        signal(pid, "CONT");
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!kill.waitFor(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
