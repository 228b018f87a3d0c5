package dev.gigafactory.devstack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Replaces this benchmark's own section of docs/benchmarks.md, between its markers; the rest is left as it is. */
final class BenchDoc {

    static final String START = "<!-- bench:start -->";
    static final String END = "<!-- bench:end -->";

    private BenchDoc() {
    }

    static String merge(String existing, String section) {
        String block = START + "\n" + section.strip() + "\n" + END;
        int start = existing.indexOf(START);
        int end = existing.indexOf(END);
        if (start >= 0 && end > start) {
            return existing.substring(0, start) + block + existing.substring(end + END.length());
        }
        String base = existing.isBlank() ? "# Benchmarks\n" : existing.stripTrailing() + "\n";
        return base + "\n" + block + "\n";
    }

    static void write(Path file, String section) {
        try {
            String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            Files.createDirectories(file.getParent());
            Files.writeString(file, merge(existing, section), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + file, e);
        }
    }
}
