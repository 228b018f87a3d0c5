package dev.gigafactory.devstack.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code pids.json}: every process a fleet started, by name ({@code infra} and the services), so {@code down} can stop
 * them from a fresh JVM. Updated as each process starts, so a half-started fleet can be stopped too.
 */
public final class PidFile {

    public static final String NAME = "pids.json";
    public static final String INFRA = "infra";
    /** The fleet's supervisor: not part of the fleet proper, it restarts the parts that die. */
    public static final String SUPERVISOR = "supervisor";
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
        update(all -> all.put(name, pid));
    }

    public synchronized void remove(String name) {
        update(all -> all.remove(name));
    }

    /**
     * Read, change, write under a file lock: the fleet's starter and its supervisor (another JVM) both record pids,
     * and neither may write back a stale copy over the other's change.
     */
    private void update(java.util.function.Consumer<Map<String, Long>> change) {
        synchronized (PidFile.class) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try (FileChannel channel = FileChannel.open(file.resolveSibling(NAME + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                    PidFile current = in(file.getParent());
                    pids.clear();
                    pids.putAll(current.pids);
                    change.accept(pids);
                    save();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot update " + file, e);
            }
        }
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
