package dev.gigafactory.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stops a process whose log grows past the limit. Inside the sandbox {@code ulimit -f} already caps the file (the JVM
 * ignores SIGXFSZ, so writes past it just fail); this is what turns a product that talks forever into a stopped
 * process and a clear verdict instead of a quiet one that spins.
 */
public final class OutputGuard implements AutoCloseable {

    private static final ScheduledExecutorService WATCHER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tester-output-guard");
        thread.setDaemon(true);
        return thread;
    });

    private final Path log;
    private final long limitBytes;
    private final Process process;
    private volatile ScheduledFuture<?> check;
    private volatile boolean tripped;

    private OutputGuard(Path log, long limitBytes, Process process) {
        this.log = log;
        this.limitBytes = limitBytes;
        this.process = process;
        this.check = WATCHER.scheduleWithFixedDelay(this::check, 100, 100, TimeUnit.MILLISECONDS);
    }

    public static OutputGuard watch(Path log, long limitBytes, Process process) {
        return new OutputGuard(log, limitBytes, process);
    }

    /** True once the process has been stopped for writing too much. */
    public boolean tripped() {
        check();
        return tripped;
    }

    public long limitBytes() {
        return limitBytes;
    }

    private void check() {
        if (tripped) {
            return;
        }
        try {
            if (Files.exists(log) && Files.size(log) >= limitBytes) {
                tripped = true;
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                close();
            }
        } catch (IOException e) {
            // the log is gone: the workspace is being cleaned up
        }
    }

    @Override
    public void close() {
        ScheduledFuture<?> scheduled = check;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    /** "8 MiB", for messages. */
    public static String mebibytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }
}
