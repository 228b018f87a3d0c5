package dev.gigafactory.tester.service;

import dev.gigafactory.contracts.artifacts.SourceTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The escape fixture run as a plain process of the test, with the secrets in its environment and no sandbox: the
 * control that shows each of its probes can succeed, so that a denial inside the sandbox means something.
 */
final class EscapeControl {

    private static final String MAIN = "src/main/java/";
    private static final String RESOURCES = "src/main/resources/";

    private EscapeControl() {
    }

    /** Compiles the tree's main sources, runs its escape.Main and returns what it printed. */
    static String run(SourceTree tree, Path dir, Map<String, String> secrets) throws IOException, InterruptedException {
        Path sources = dir.resolve("src");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        tree.writeTo(sources);
        for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
            if (file.getKey().startsWith(RESOURCES)) {
                Path target = classes.resolve(file.getKey().substring(RESOURCES.length()));
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        }
        compile(sources, tree, classes);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes.toString(), "escape.Main").directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(secrets);
        builder.environment().put("DATA_DIR", Files.createDirectories(dir.resolve("data")).toString());
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the escape fixture did not finish within 30 s");
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    private static void compile(Path sources, SourceTree tree, Path classes) {
        List<String> files = tree.files().keySet().stream()
                .filter(name -> name.startsWith(MAIN) && name.endsWith(".java"))
                .map(name -> sources.resolve(name).toString()).toList();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String[] arguments = Stream.concat(Stream.of("-proc:none", "-d", classes.toString()),
                files.stream()).toArray(String[]::new);
        if (javac.run(null, null, null, arguments) != 0) {
            throw new AssertionError("the escape fixture does not compile");
        }
    }
}
