package dev.gigafactory.devstack.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code fleet.json}: where everything of a running fleet listens, for tools and people.
 * {@code {"kafka":"127.0.0.1:PORT","services":{"spec-intake-service":"http://127.0.0.1:PORT", ...}}}
 */
public record FleetFile(String kafka, Map<String, String> services) {

    public static final String NAME = "fleet.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public FleetFile {
        services = services == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(services));
    }

    public URI service(String name) {
        String url = services.get(name);
        if (url == null) {
            throw new IllegalStateException("the fleet has no " + name + "; it has " + services.keySet());
        }
        return URI.create(url);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render fleet.json", e);
        }
    }

    public static FleetFile fromJson(String json) {
        try {
            return JSON.readValue(json, FleetFile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a fleet.json: " + e.getOriginalMessage(), e);
        }
    }

    public void writeTo(Path stateDir) {
        AtomicFiles.write(stateDir.resolve(NAME), toJson());
    }

    public static Optional<FleetFile> readFrom(Path stateDir) {
        Path file = stateDir.resolve(NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(fromJson(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Files written whole or not at all, so a reader never sees half of one. */
    static final class AtomicFiles {

        private AtomicFiles() {
        }

        static void write(Path file, String content) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path temp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.writeString(temp, content + "\n", StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
    }
}
