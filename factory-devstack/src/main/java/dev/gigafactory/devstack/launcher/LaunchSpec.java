package dev.gigafactory.devstack.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a process of the fleet was started, kept in {@code supervisor/<name>.json} so the supervisor, another JVM,
 * can start it again exactly so: a service's environment asks for port 0, so it comes back on a fresh port.
 *
 * @param command the whole command line, detach prefix included
 * @param env what the process gets on top of the supervisor's own environment
 * @param workDir where it runs
 * @param log where its output goes
 */
record LaunchSpec(List<String> command, Map<String, String> env, Path workDir, Path log) {

    private static final ObjectMapper JSON = new ObjectMapper();

    LaunchSpec {
        command = List.copyOf(command);
        env = Map.copyOf(env);
    }

    static Path dir(Path stateDir) {
        return stateDir.resolve("supervisor");
    }

    void writeTo(Path stateDir, String name) {
        try {
            FleetFile.AtomicFiles.write(dir(stateDir).resolve(name + ".json"), JSON.writeValueAsString(this));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record how " + name + " starts", e);
        }
    }

    static Optional<LaunchSpec> readFrom(Path stateDir, String name) {
        Path file = dir(stateDir).resolve(name + ".json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), LaunchSpec.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
