package dev.gigafactory.tester.service;

import dev.gigafactory.contracts.product.ProductProcess;
import dev.gigafactory.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How the gate starts anything from a product: the JDK's own {@code java}, inside the {@link Sandbox}, with an
 * environment built from nothing (only PATH is taken from the tester), so no factory credential leaks in.
 */
public final class ChildProcesses {

    private final Sandbox sandbox;
    private final Map<String, String> hostEnv;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    /** {@code hostEnv}: the tester's own environment (a parameter so tests can plant fake secrets in it). */
    public ChildProcesses(Sandbox sandbox, Map<String, String> hostEnv) {
        this.sandbox = sandbox;
        this.hostEnv = Map.copyOf(hostEnv);
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    /** The command line: the sandbox for {@code jail}, then {@code java} with bounded memory, then the arguments. */
    public List<String> java(Sandbox.Jail jail, String heap, List<String> arguments) {
        return javaWith(jail, productJvmOptions(heap), arguments);
    }

    /** The deployer's flags: the gate runs the product as it will be run, inside the address-space limit. */
    public static List<String> productJvmOptions(String heap) {
        List<String> options = new ArrayList<>();
        options.add("-Xmx" + heap);
        options.addAll(ProductProcess.JVM_FLAGS);
        return options;
    }

    /** The command line: the sandbox for {@code jail}, then {@code java} with these options, then the arguments. */
    public List<String> javaWith(Sandbox.Jail jail, List<String> options, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Sandbox.javaCommand());
        command.addAll(options);
        command.addAll(arguments);
        return sandbox.wrap(jail, command);
    }

    /** A builder running in {@code directory} with PATH, LANG and the product's own variables, nothing else. */
    public ProcessBuilder builder(List<String> command, Path directory, Map<String, String> productVars) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", hostEnv.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LANG", "C.UTF-8");
        env.putAll(ProductProcess.ENV);
        env.putAll(productVars);
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
