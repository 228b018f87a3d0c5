package dev.gigafactory.devstack.launcher;

import dev.gigafactory.devstack.infra.JavaCommand;
import dev.gigafactory.devstack.infra.Processes;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Starts the {@link FleetSupervisor} JVM for a fleet's state dir and records it in pids.json. */
final class SupervisorProcess {

    /** It only polls files and pids: the smallest JVM that starts quickly. */
    private static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss256k",
            "-Xms8m", "-Xmx48m", "-XX:MaxMetaspaceSize=64m");

    private SupervisorProcess() {
    }

    /**
     * Detached: in a session of its own, outliving the terminal ({@code ./factory up}); otherwise tied to this JVM by
     * its stdin, so a test's supervisor never outlives the test.
     */
    static Process start(Path stateDir, boolean detached) {
        List<String> command = new ArrayList<>();
        if (detached) {
            Processes.detachPrefix().ifPresent(command::add);
        }
        List<String> args = new ArrayList<>(List.of("--state", stateDir.toAbsolutePath().toString()));
        if (!detached) {
            args.add("--exit-with-parent");
        }
        command.addAll(JavaCommand.of(LaunchSpec.dir(stateDir).resolve("supervisor.args"),
                JavaCommand.currentClasspath(), JVM_FLAGS, FleetSupervisor.class.getName(), args));
        Path log = stateDir.resolve("logs").resolve("supervisor.log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(log.toFile()));
            if (detached) {
                builder.redirectInput(Redirect.from(new File("/dev/null")));
            }
            Process process = builder.start();
            PidFile.in(stateDir).put(PidFile.SUPERVISOR, process.pid());
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fleet's supervisor", e);
        }
    }

    /** The supervisor's pid if pids.json names one that is alive. */
    static Optional<Long> alive(Path stateDir) {
        return Optional.ofNullable(PidFile.in(stateDir).pids().get(PidFile.SUPERVISOR)).filter(Processes::alive);
    }
}
