package dev.gigafactory.stacks.quarkusrepo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.stacks.jdkhttp.ProductModel;
import dev.gigafactory.stacks.jdkhttp.ProductModels;
import dev.gigafactory.stacks.quarkus.QuarkusProduct;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A generated product compiles against what this module resolved: its main sources against the extensions, its tests
 * against those and the test dependencies. javac in the test JVM, no Maven: seconds, not a product build.
 */
class ProductCompilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"todo.yaml", "library.yaml", "memos.yaml"})
    void compilesTheGeneratedProduct(String example, @TempDir Path tree) throws IOException {
        ProductModel product = ProductModels.from(ExampleSpecs.example(example), 1);
        write(QuarkusProduct.write(product, List.of()).files(), tree);
        String classpath = classpath("product.classpath");

        String main = compile(sources(tree.resolve("src/main/java")), classpath, tree.resolve("classes"));
        String tests = compile(sources(tree.resolve("src/test/java")), tree.resolve("classes") + File.pathSeparator
                + classpath("product.test-classpath"), tree.resolve("test-classes"));

        assertThat(main).as("javac on the main sources").isEmpty();
        assertThat(tests).as("javac on the tests").isEmpty();
    }

    /** Compiles with javac in this JVM: what javac printed when it failed, else nothing. */
    private static String compile(List<String> sources, String classpath, Path output) throws IOException {
        Files.createDirectories(output);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none", "-classpath", classpath,
                "-d", output.toString()));
        arguments.addAll(sources);
        int exit = javac.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
        return exit == 0 ? "" : diagnostics.toString(StandardCharsets.UTF_8);
    }

    private static String classpath(String property) throws IOException {
        String file = System.getProperty(property);
        assertThat(file).as(property + " (set by the module's surefire configuration)").isNotNull();
        return Files.readString(Path.of(file)).strip();
    }

    private static void write(Map<String, String> files, Path tree) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = tree.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
    }

    private static List<String> sources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
    }
}
