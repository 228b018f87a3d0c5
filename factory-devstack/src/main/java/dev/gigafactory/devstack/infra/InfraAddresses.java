package dev.gigafactory.devstack.infra;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.devstack.postgres.PostgresEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What an infrastructure process serves, as it writes it to {@code infra.json}: absent parts are null. {@code control}
 * is the local port of its {@link InfraControl} channel (restart the broker or the database).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InfraAddresses(String kafka, PostgresEndpoint postgres, long pid, Integer control) {

    public static final String FILE_NAME = "infra.json";

    /** Written to a temp file and moved, so a reader never sees half a file. */
    public void writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            Path temp = dir.resolve(FILE_NAME + ".tmp");
            Files.write(temp, Json.write(this));
            Files.move(temp, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE_NAME + " in " + dir, e);
        }
    }

    public static InfraAddresses readFrom(Path dir) {
        try {
            return Json.mapper().readValue(dir.resolve(FILE_NAME).toFile(), InfraAddresses.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE_NAME + " in " + dir, e);
        }
    }
}
