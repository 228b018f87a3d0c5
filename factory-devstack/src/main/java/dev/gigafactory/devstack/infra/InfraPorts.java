package dev.gigafactory.devstack.infra;

import dev.gigafactory.contracts.codec.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code ports.json}: the ports an infrastructure JVM with persistent data chose, kept beside its data so that a JVM
 * started after it died ({@code --same-ports}) serves on them again: the services see an outage, not a new broker.
 * The controller port is part of the broker's identity in its KRaft metadata, so it is kept too. Absent parts are 0.
 */
public record InfraPorts(int kafka, int controller, int postgres) {

    public static final String FILE_NAME = "ports.json";

    public void writeTo(Path dir) {
        try {
            Path temp = dir.resolve(FILE_NAME + ".tmp");
            Files.write(temp, Json.write(this));
            Files.move(temp, dir.resolve(FILE_NAME), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE_NAME + " in " + dir, e);
        }
    }

    public static Optional<InfraPorts> readFrom(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(file.toFile(), InfraPorts.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
