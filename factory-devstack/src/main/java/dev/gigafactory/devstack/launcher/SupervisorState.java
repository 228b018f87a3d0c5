package dev.gigafactory.devstack.launcher;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code supervisor.json}: what the supervisor knows of each process it watches, for {@code ./factory status}.
 * {@code {"planner-service":{"pid":123,"startedAt":"...","restarts":2,"lastExit":"..."}, ...}}
 */
final class SupervisorState {

    static final String NAME = "supervisor.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** One watched process; {@code lastExit} says when and how it last died, null if it never did. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(long pid, Instant startedAt, int restarts, String lastExit, boolean starting) {
    }

    private SupervisorState() {
    }

    static void write(Path stateDir, Map<String, Entry> entries) {
        try {
            FleetFile.AtomicFiles.write(stateDir.resolve(NAME), JSON.writeValueAsString(entries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + NAME, e);
        }
    }

    static Map<String, Entry> read(Path stateDir) {
        Path file = stateDir.resolve(NAME);
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Entry>>() {
            });
        } catch (IOException e) {
            // half a file, or one from an older version: the counts are only for people to read
            return Map.of();
        }
    }
}
