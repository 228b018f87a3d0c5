package dev.gigafactory.tester.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh directory for one run, always under the tester's work dir: sources, classes, the jar, the product's data
 * and log. Deleted on close unless kept (a failed run, when configured, for a human to look at).
 */
public final class Workspace implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Workspace.class.getName());

    private final Path root;
    private boolean keep;

    private Workspace(Path root) {
        this.root = root;
    }

    public static Workspace create(Path workDir, String label) {
        try {
            Path runs = workDir.toAbsolutePath().normalize().resolve("runs");
            Files.createDirectories(runs);
            return new Workspace(Files.createTempDirectory(runs, safe(label) + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a workspace under " + workDir, e);
        }
    }

    public Path root() {
        return root;
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    public void keep() {
        this.keep = true;
    }

    public boolean kept() {
        return keep;
    }

    @Override
    public void close() {
        if (!keep) {
            delete(root);
        }
    }

    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // The verdict matters more than the cleanup: leave the rest for a human, say where.
            LOG.log(System.Logger.Level.WARNING, "cannot delete workspace " + directory + ": " + e.getMessage());
        }
    }

    private static String safe(String label) {
        String cleaned = label.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.length() > 60 ? cleaned.substring(0, 60) : cleaned;
    }
}
