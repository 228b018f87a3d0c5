package dev.gigafactory.devstack.launcher;

import dev.gigafactory.devstack.infra.JavaCommand;
import dev.gigafactory.devstack.infra.LogTail;
import dev.gigafactory.devstack.infra.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** One service JVM started from its fast-jar: it learns its port from the log and its readiness from the health API. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    enum State {
        BOOTING, LISTENING, READY
    }

    private final ServiceDef service;
    private final Process process;
    private final Path log;
    private final long startedAt = System.nanoTime();
    private State state = State.BOOTING;
    private int port;

    private ServiceProcess(ServiceDef service, Process process, Path log) {
        this.service = service;
        this.process = process;
        this.log = log;
    }

    /** {@code [setsid] java FLAGS -jar JAR}: always leading a process group of its own (see {@link #launch}). */
    static List<String> command(Path jar, List<String> jvmFlags) {
        List<String> command = new ArrayList<>();
        Processes.detachPrefix().ifPresent(command::add);
        command.add(JavaCommand.javaBinary());
        command.addAll(jvmFlags);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        return command;
    }

    /**
     * Starts the JVM in its work dir, leading a process group of its own, so stopping it also stops what it started
     * (a deployer's products); the previous run's log is kept as {@code <service>.log.1}.
     */
    static ServiceProcess launch(ServiceDef service, LaunchSpec spec) {
        Path log = spec.log();
        try {
            Files.createDirectories(spec.workDir());
            Files.createDirectories(log.getParent());
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            ProcessBuilder builder = new ProcessBuilder(spec.command()).directory(spec.workDir().toFile())
                    .redirectErrorStream(true).redirectOutput(Redirect.to(log.toFile()))
                    .redirectInput(Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(spec.env());
            return new ServiceProcess(service, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.name(), e);
        }
    }

    /** Advances BOOTING → LISTENING → READY as far as it can now; throws if the JVM died. */
    State poll() {
        if (!process.isAlive()) {
            throw new IllegalStateException(service.name() + " exited with " + process.exitValue() + " while starting;"
                    + " its log (" + log + "):\n" + LogTail.of(log, 30));
        }
        if (state == State.BOOTING) {
            OptionalInt announced = ListeningLine.port(readLog());
            if (announced.isPresent()) {
                port = announced.getAsInt();
                state = State.LISTENING;
            }
        }
        if (state == State.LISTENING && healthReady()) {
            state = State.READY;
        }
        return state;
    }

    private boolean healthReady() {
        HttpRequest request = HttpRequest.newBuilder(url().resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String readLog() {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    State state() {
        return state;
    }

    ServiceDef service() {
        return service;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    Duration age() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }
}
