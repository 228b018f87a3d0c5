package dev.gigafactory.tester.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Compiles a generated program of the shape products have (records, enums, switches, lambdas, collections, string
 * handling) a number of times right after startup, so the JDK's compiler is JIT-compiled before the first product
 * arrives: a cold {@code javac} takes 1.5 s for a product a warm one compiles in 150 ms. It runs only while no gate
 * runs, one round at a time, on a daemon thread, and nothing it compiles is kept or run.
 */
public final class CompilerWarmUp {

    private static final System.Logger LOG = System.getLogger(CompilerWarmUp.class.getName());
    private static final int CLASSES = 12;
    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(30);
    private static final long IDLE_POLL_MILLIS = 200;

    private CompilerWarmUp() {
    }

    /** Starts the warm-up in {@code dir} (created, and deleted when done); {@code busy} says a gate is running. */
    public static Thread start(Path dir, int rounds, BooleanSupplier busy) {
        Thread thread = new Thread(() -> run(dir, rounds, busy), "tester-javac-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return thread;
    }

    private static void run(Path dir, int rounds, BooleanSupplier busy) {
        long started = System.nanoTime();
        try {
            Path sources = writeSources(dir.resolve("src"));
            JavaBuild javac = new JavaBuild();
            int done = 0;
            while (done < rounds && !Thread.currentThread().isInterrupted()) {
                if (busy.getAsBoolean()) {
                    Thread.sleep(IDLE_POLL_MILLIS);
                    continue;
                }
                Path output = dir.resolve("classes-" + done);
                JavaBuild.Compilation compiled = javac.compile(dir, sources, List.of(), output, ROUND_TIMEOUT);
                Workspace.delete(output);
                if (!compiled.succeeded()) {
                    LOG.log(System.Logger.Level.WARNING, "the compiler warm-up does not compile, stopped: "
                            + compiled.diagnostics());
                    return;
                }
                done++;
            }
            LOG.log(System.Logger.Level.INFO, "compiler warmed up: " + done + " rounds in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UncheckedIOException | IllegalStateException e) {
            // a warm-up that cannot run costs the first gates time, nothing else
            LOG.log(System.Logger.Level.WARNING, "no compiler warm-up: " + e.getMessage());
        } finally {
            Workspace.delete(dir);
        }
    }

    static Path writeSources(Path root) {
        Path pkg = root.resolve("warmup");
        try {
            Files.createDirectories(pkg);
            for (int i = 0; i < CLASSES; i++) {
                Files.writeString(pkg.resolve("Entity" + i + ".java"), source(i), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the compiler warm-up under " + root, e);
        }
        return root;
    }

    private static String source(int i) {
        String next = "Entity" + ((i + 1) % CLASSES);
        return """
                package warmup;

                import java.util.ArrayList;
                import java.util.LinkedHashMap;
                import java.util.List;
                import java.util.Map;
                import java.util.Optional;
                import java.util.stream.Collectors;

                public final class Entity%1$d {

                    public enum Kind { LOW, MEDIUM, HIGH }

                    public record Item(String id, String title, Kind kind, long estimate, boolean done) {

                        public Item {
                            if (title == null || title.isBlank()) {
                                throw new IllegalArgumentException("title is required");
                            }
                        }
                    }

                    private final Map<String, Item> items = new LinkedHashMap<>();

                    public synchronized Item put(Item item) {
                        items.put(item.id(), item);
                        return item;
                    }

                    public synchronized Optional<Item> get(String id) {
                        return Optional.ofNullable(items.get(id));
                    }

                    public synchronized List<Item> list(Kind kind) {
                        return items.values().stream().filter(item -> kind == null || item.kind() == kind)
                                .sorted((a, b) -> Long.compare(a.estimate(), b.estimate())).collect(Collectors.toList());
                    }

                    public static int weight(Kind kind) {
                        return switch (kind) {
                            case LOW -> 1;
                            case MEDIUM -> 2;
                            case HIGH -> 3;
                        };
                    }

                    public String json(Item item) {
                        StringBuilder out = new StringBuilder("{");
                        out.append("\\"id\\":\\"").append(item.id()).append("\\",");
                        out.append("\\"title\\":\\"").append(escape(item.title())).append("\\",");
                        out.append("\\"kind\\":\\"").append(item.kind().name()).append("\\",");
                        out.append("\\"estimate\\":").append(item.estimate()).append(',');
                        out.append("\\"done\\":").append(item.done());
                        return out.append('}').toString();
                    }

                    static String escape(String text) {
                        StringBuilder out = new StringBuilder();
                        for (char c : text.toCharArray()) {
                            switch (c) {
                                case '"' -> out.append("\\\\\\"");
                                case '\\\\' -> out.append("\\\\\\\\");
                                case '\\n' -> out.append("\\\\n");
                                default -> {
                                    if (c < 0x20) {
                                        out.append(String.format("\\\\u%%04x", (int) c));
                                    } else {
                                        out.append(c);
                                    }
                                }
                            }
                        }
                        return out.toString();
                    }

                    public List<String> problems(Map<String, Object> body) {
                        List<String> problems = new ArrayList<>();
                        Object title = body.get("title");
                        if (!(title instanceof String text) || text.length() > 200) {
                            problems.add("/title must be a string of at most 200 characters");
                        }
                        if (body.get("estimate") instanceof Number number && number.longValue() < 0) {
                            problems.add("/estimate must be at least 0");
                        }
                        return problems;
                    }

                    public %2$s next() {
                        return new %2$s();
                    }
                }
                """
                .formatted(i, next);
    }
}
