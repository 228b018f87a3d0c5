package dev.gigafactory.coder.support;

import dev.gigafactory.coder.service.TemplateCodeAgent;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.product.ProductContract;
import dev.gigafactory.contracts.spec.ServiceSpec;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Generates a product, compiles it with the JDK's compiler (as the tester would: JDK only, no dependencies, and here
 * with every lint warning an error), packages its jar and runs its own tests. The one place tests do this.
 */
public final class ProductBuild {

    private static final TemplateCodeAgent AGENT = new TemplateCodeAgent();

    private final SourceTree tree;
    private final Path root;

    private ProductBuild(SourceTree tree, Path root) {
        this.tree = tree;
        this.root = root;
    }

    /** Generates the spec's tree and compiles main and test sources under {@code workDir}. */
    public static ProductBuild of(ServiceSpec spec, int version, Path workDir) {
        return of(AGENT.generate(Specs.plan(spec, version), null).tree(), workDir);
    }

    /** Compiles a tree some agent wrote (e.g. the LLM agent) under {@code workDir}. */
    public static ProductBuild of(SourceTree tree, Path workDir) {
        ProductBuild build = new ProductBuild(tree, workDir);
        tree.writeTo(workDir.resolve("src-tree"));
        build.compile("src/main/java", build.classes(), List.of());
        build.compile("src/test/java", build.testClasses(), List.of(build.classes()));
        return build;
    }

    public SourceTree tree() {
        return tree;
    }

    public Path classes() {
        return root.resolve("classes");
    }

    public Path testClasses() {
        return root.resolve("test-classes");
    }

    public Properties manifest() {
        Properties manifest = new Properties();
        try {
            manifest.load(new StringReader(tree.text(ProductContract.MANIFEST)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return manifest;
    }

    /** A runnable jar of the main classes, {@code Main-Class} taken from the product's manifest. */
    public Path jar() {
        Path jar = root.resolve("product.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS,
                manifest().getProperty(ProductContract.MAIN_CLASS_KEY));
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> paths = Files.walk(classes())) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes().relativize(path).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    /** Runs the product's own test runner ({@code test-class}) in a fresh JVM: its exit code and output. */
    public ProcessResult runProductTest() throws IOException, InterruptedException {
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = classes() + File.pathSeparator + testClasses();
        Process process = new ProcessBuilder(javaCommand, "-XX:TieredStopAtLevel=1", "-cp", classpath,
                manifest().getProperty(ProductContract.TEST_CLASS_KEY)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return new ProcessResult(process.exitValue(), output);
    }

    public record ProcessResult(int exitCode, String output) {
    }

    private void compile(String folder, Path output, List<Path> classpath) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
            Files.createDirectories(output);
            List<Path> sources = new ArrayList<>();
            try (Stream<Path> paths = Files.walk(root.resolve("src-tree").resolve(folder))) {
                paths.filter(path -> path.toString().endsWith(".java")).forEach(sources::add);
            }
            List<String> options = new ArrayList<>(List.of("--release", "17", "-Xlint:all,-serial", "-Werror",
                    "-d", output.toString()));
            if (!classpath.isEmpty()) {
                options.addAll(List.of("-cp", classpath.get(0).toString()));
            }
            boolean ok = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok || !diagnostics.getDiagnostics().isEmpty()) {
                throw new AssertionError(
                        "generated " + folder + " does not compile cleanly:\n" + describe(diagnostics));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(DiagnosticCollector<JavaFileObject> diagnostics) {
        StringBuilder text = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            text.append(d.getKind()).append(' ').append(d.getSource() == null ? "" : d.getSource().getName())
                    .append(':').append(d.getLineNumber()).append(' ').append(d.getMessage(null)).append('\n');
        }
        return text.toString();
    }
}
