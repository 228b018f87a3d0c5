package dev.gigafactory.tester.service;

import dev.gigafactory.contracts.acceptance.ProductClient;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles a product's sources with the JDK's own compiler, in process, for Java 17 and against nothing but the JDK
 * and the class directories given. Annotation processing is off: the tester's own classpath must never run inside
 * someone else's build.
 */
public final class JavaBuild {

    /** How a compilation ended: the diagnostics, relative to the source tree, errors first. */
    public record Compilation(boolean succeeded, int errors, String diagnostics) {

        public String summary() {
            return errors == 1 ? "1 error" : errors + " errors";
        }
    }

    private static final ExecutorService COMPILERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tester-javac");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Java 17, against Java 17's API. On a JDK 17 that is its own system image, as {@code --release 17} would give: the
     * option opens the JDK's {@code ct.sym} archive afresh for every compilation, a tenth of the tester's CPU under
     * load (docs/benchmarks.md). On any other JDK, {@code --release 17}.
     */
    static final List<String> TARGET = Runtime.version().feature() == 17
            ? List.of("-source", "17", "-target", "17")
            : List.of("--release", "17");

    /**
     * String concatenation as StringBuilder calls, not {@code invokedynamic}: each concatenation's first run otherwise
     * builds its method handles in the product's JVM, interpreted; 5 ms off a product's start and ~10 ms over its
     * first ten requests (docs/benchmarks.md), and every product JVM is young. The option is JEP 280's own.
     */
    static final String INLINE_CONCAT = "-XDstringConcat=inline";

    private final JavaCompiler compiler;

    public JavaBuild() {
        this.compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("the tester must run on a JDK: no system Java compiler");
        }
    }

    /**
     * Compiles every {@code .java} under {@code sources} into {@code output}; diagnostics name files relative to
     * {@code treeRoot}, as the source tree does.
     */
    public Compilation compile(Path treeRoot, Path sources, List<Path> classpath, Path output, Duration timeout) {
        Path root = treeRoot.toAbsolutePath().normalize();
        List<File> files = javaFiles(sources);
        if (files.isEmpty()) {
            return new Compilation(false, 1, "no Java sources under " + root.relativize(sources.toAbsolutePath()));
        }
        Future<Compilation> running = COMPILERS.submit(() -> run(root, files, classpath, output));
        try {
            return running.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // javac cannot be stopped from outside; it finishes in the background, its result unused.
            running.cancel(true);
            return new Compilation(false, 1, "compilation did not finish within " + ProductClient.seconds(timeout));
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            return new Compilation(false, 1, "compilation was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            // javac itself crashing on odd input is still a verdict about these sources, not a tester failure.
            return new Compilation(false, 1, "the compiler stopped: " + e.getCause());
        }
    }

    private Compilation run(Path treeRoot, List<File> files, List<Path> classpath, Path output) throws IOException {
        Files.createDirectories(output);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
            fileManager.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
            fileManager.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
            List<String> options = new ArrayList<>(TARGET);
            options.addAll(List.of("-proc:none", "-encoding", "UTF-8", "-implicit:none", "-Xmaxerrs", "50",
                    INLINE_CONCAT));
            StringWriter messages = new StringWriter();
            boolean ok = compiler.getTask(messages, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromFiles(files)).call();
            return new Compilation(ok, errorCount(diagnostics), describe(treeRoot, diagnostics) + messages);
        }
    }

    private static int errorCount(DiagnosticCollector<JavaFileObject> diagnostics) {
        return (int) diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .count();
    }

    private static String describe(Path treeRoot, DiagnosticCollector<JavaFileObject> diagnostics) {
        StringBuilder text = new StringBuilder();
        List<Diagnostic<? extends JavaFileObject>> sorted = new ArrayList<>(diagnostics.getDiagnostics());
        sorted.sort((a, b) -> Boolean.compare(a.getKind() != Diagnostic.Kind.ERROR,
                b.getKind() != Diagnostic.Kind.ERROR));
        for (Diagnostic<? extends JavaFileObject> diagnostic : sorted) {
            if (diagnostic.getKind() == Diagnostic.Kind.NOTE) {
                continue;
            }
            text.append(where(treeRoot, diagnostic)).append(diagnostic.getKind().toString().toLowerCase(Locale.ROOT))
                    .append(": ").append(diagnostic.getMessage(Locale.ROOT)).append('\n');
        }
        return text.toString();
    }

    private static String where(Path treeRoot, Diagnostic<? extends JavaFileObject> diagnostic) {
        if (diagnostic.getSource() == null) {
            return "";
        }
        Path file = Path.of(diagnostic.getSource().toUri());
        String name = file.startsWith(treeRoot)
                ? treeRoot.relativize(file).toString()
                : file.getFileName().toString();
        return name + ":" + diagnostic.getLineNumber() + ": ";
    }

    private static List<File> javaFiles(Path sources) {
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(sources)) {
            return walk.filter(path -> path.toString().endsWith(".java") && Files.isRegularFile(path)).sorted()
                    .map(Path::toFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
