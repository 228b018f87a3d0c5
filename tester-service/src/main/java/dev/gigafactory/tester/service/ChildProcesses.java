package dev.gigafactory.tester.service;

import dev.gigafactory.contracts.product.ProductContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How the gate starts anything from a product: the JDK's own {@code java}, behind an optional wrapper command (the
 * sandbox), with an environment scrubbed the way {@code ProductProcess} scrubs it, so no factory credential leaks in.
 */
public final class ChildProcesses {

    private final List<String> wrapper;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    public ChildProcesses(List<String> wrapper) {
        this.wrapper = List.copyOf(wrapper);
    }

    public List<String> wrapper() {
        return wrapper;
    }

    /** The command line: wrapper, then {@code java}, then the arguments. */
    public List<String> java(List<String> arguments) {
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        return command;
    }

    /** A builder for the command, running in {@code directory}, with only PATH, LANG and DATA_DIR set. */
    public ProcessBuilder builder(List<String> command, Path directory, Path dataDir) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        Map<String, String> env = builder.environment();
        String path = env.getOrDefault("PATH", "/usr/bin:/bin");
        env.clear();
        env.put("PATH", path);
        env.put("LANG", "C.UTF-8");
        env.put(ProductContract.ENV_DATA_DIR, dataDir.toAbsolutePath().toString());
        return builder;
    }

    /** Remembers a started process, so {@link #killAll()} can reach it if the tester shuts down mid-run. */
    public void started(long pid) {
        running.add(pid);
    }

    public void ended(long pid) {
        running.remove(pid);
    }

    /** On shutdown: no product or test JVM outlives the tester that started it. */
    public void killAll() {
        for (Long pid : List.copyOf(running)) {
            ProcessHandle.of(pid).ifPresent(handle -> {
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
            });
            running.remove(pid);
        }
    }

    /** Kills the process and whatever it started, and waits briefly for it to be gone. */
    public static void kill(Process process) {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
