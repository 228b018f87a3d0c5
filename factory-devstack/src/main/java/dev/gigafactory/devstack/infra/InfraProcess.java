package dev.gigafactory.devstack.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts {@link InfraMain} as a child JVM and waits until it has written where its servers listen. */
public final class InfraProcess implements AutoCloseable {

    /**
     * A JVM hosting the broker and supervising the database (PostgreSQL runs in its own processes) sits near 185 MB
     * RSS with these: the heap starts small (the broker keeps 40-60 MB live) and is given back after a collection.
     */
    public static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xss512k", "-Xms48m", "-Xmx256m",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=64m", "-Djava.net.preferIPv4Stack=true");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    public enum Component {
        KAFKA, POSTGRES
    }

    /**
     * @param dir where {@code infra.json} (and, unless ephemeral, the data) goes
     * @param ephemeral data in temp dirs the child removes on exit
     * @param tiedToParent the child exits when this JVM does, however it dies
     * @param detached in a session of its own, so it outlives the terminal that started it
     */
    public record Options(Path dir, List<Component> components, boolean ephemeral, boolean tiedToParent,
            boolean detached, Path log, String classpath) {
    }

    private final Process process;
    private final InfraAddresses addresses;
    private final Options options;

    private InfraProcess(Process process, InfraAddresses addresses, Options options) {
        this.process = process;
        this.addresses = addresses;
        this.options = options;
    }

    /** For test resources: temp dir, temp data, dies with this JVM, classpath of this JVM. */
    public static InfraProcess forTests(Component... components) {
        Path dir = TempDirs.create("devstack-infra");
        return start(new Options(dir, List.of(components), true, true, false, dir.resolve("infra.log"),
                JavaCommand.currentClasspath()));
    }

    public static InfraProcess start(Options options) {
        Path dir = options.dir().toAbsolutePath();
        try {
            Files.createDirectories(dir);
            Files.createDirectories(options.log().toAbsolutePath().getParent());
            Files.deleteIfExists(dir.resolve(InfraAddresses.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
        ProcessBuilder builder = new ProcessBuilder(command(options, dir)).redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(options.log().toFile()));
        builder.environment().putAll(JavaCommand.LEAN_ENV);
        if (!options.tiedToParent()) {
            builder.redirectInput(Redirect.from(new File("/dev/null")));
        }
        try {
            Process process = builder.start();
            return new InfraProcess(process, awaitAddresses(process, dir, options.log()), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the infrastructure JVM", e);
        }
    }

    private static List<String> command(Options options, Path dir) {
        List<String> args = new ArrayList<>(List.of("--dir", dir.toString()));
        options.components().forEach(c -> args.add("--" + c.name().toLowerCase(java.util.Locale.ROOT)));
        if (options.ephemeral()) {
            args.add("--ephemeral");
        }
        if (options.tiedToParent()) {
            args.add("--exit-with-parent");
        }
        List<String> command = new ArrayList<>();
        if (options.detached()) {
            Processes.detachPrefix().ifPresent(command::add);
        }
        command.addAll(JavaCommand.of(dir.resolve("infra.args"), options.classpath(), JVM_FLAGS,
                InfraMain.class.getName(), args));
        return command;
    }

    private static InfraAddresses awaitAddresses(Process process, Path dir, Path log) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!Files.exists(dir.resolve(InfraAddresses.FILE_NAME))) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the infrastructure JVM exited with " + process.exitValue()
                        + "; its log:\n" + LogTail.of(log, 40));
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the infrastructure JVM was not ready after " + READY_TIMEOUT
                        + "; its log:\n" + LogTail.of(log, 40));
            }
            sleep(50);
        }
        return InfraAddresses.readFrom(dir);
    }

    /**
     * The command that starts this infrastructure again, after its JVM died, on the same ports and data dir: what a
     * supervisor runs. Meaningless for ephemeral data, which died with the JVM.
     */
    public List<String> restartCommand() {
        List<String> command = new ArrayList<>(command(options, options.dir().toAbsolutePath()));
        command.add("--same-ports");
        return command;
    }

    /**
     * Runs a {@link #restartCommand()} and waits until the new JVM has written where it listens. With
     * {@code tiedToParent} (the command says {@code --exit-with-parent}) this JVM holds the child's stdin.
     */
    public static Process restart(List<String> command, Path dir, Path log) {
        try {
            Files.deleteIfExists(dir.resolve(InfraAddresses.FILE_NAME));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(log.toFile()));
            builder.environment().putAll(JavaCommand.LEAN_ENV);
            if (!command.contains("--exit-with-parent")) {
                builder.redirectInput(Redirect.from(new File("/dev/null")));
            }
            Process process = builder.start();
            awaitAddresses(process, dir, log);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the infrastructure JVM again", e);
        }
    }

    public InfraAddresses addresses() {
        return addresses;
    }

    public long pid() {
        return process.pid();
    }

    /** Restarts just the broker or just the database in the running child, on the same ports and data. */
    public void restart(Component component, Duration downtime) {
        if (addresses.control() == null) {
            throw new IllegalStateException("this infrastructure JVM has no control channel");
        }
        InfraControl.restart(addresses.control(), component, downtime);
    }

    /** SIGTERM, so the child closes its servers; SIGKILL if it has not within the grace period. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        if (options.ephemeral()) {
            TempDirs.delete(options.dir());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the infrastructure JVM", e);
        }
    }
}
