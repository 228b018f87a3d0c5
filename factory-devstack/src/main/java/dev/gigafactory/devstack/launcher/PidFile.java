package dev.gigafactory.devstack.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code pids.json}: every process a fleet started, by name ({@code infra} and the services), so {@code down} can stop
 * them from a fresh JVM. Updated as each process starts, so a half-started fleet can be stopped too.
 */
public final class PidFile {

    public static final String NAME = "pids.json";
    public static final String INFRA = "infra";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Map<String, Long> pids = new LinkedHashMap<>();

    private PidFile(Path file) {
        this.file = file;
    }

    public static PidFile in(Path stateDir) {
        PidFile pidFile = new PidFile(stateDir.resolve(NAME));
        if (Files.exists(pidFile.file)) {
            try {
                pidFile.pids.putAll(JSON.readValue(Files.readString(pidFile.file, StandardCharsets.UTF_8),
                        new TypeReference<Map<String, Long>>() {
                        }));
            } catch (JsonProcessingException e) {
                // a damaged file names nothing we could safely kill
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + pidFile.file, e);
            }
        }
        return pidFile;
    }

    public synchronized Map<String, Long> pids() {
        return Map.copyOf(pids);
    }

    public synchronized void put(String name, long pid) {
        pids.put(name, pid);
        save();
    }

    public synchronized void remove(String name) {
        pids.remove(name);
        save();
    }

    public synchronized void delete() {
        pids.clear();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private void save() {
        try {
            FleetFile.AtomicFiles.write(file, JSON.writeValueAsString(pids));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + NAME, e);
        }
    }
}
