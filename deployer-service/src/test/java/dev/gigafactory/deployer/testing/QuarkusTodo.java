package dev.gigafactory.deployer.testing;

import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.sandbox.testing.QuarkusProductBuild;
import dev.gigafactory.stacks.jdkhttp.ProductModels;
import dev.gigafactory.stacks.quarkus.QuarkusProduct;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The todo example as a quarkus product, written by today's quarkus stack and built as the gate builds it
 * ({@link QuarkusProductBuild}). Built once into {@code dir} and reused while it is there, so a second run of the tests
 * does not pay for the build again.
 */
public final class QuarkusTodo {

    private QuarkusTodo() {
    }

    /** The uber-jar, or empty when this machine has no build sandbox or no Maven to build it with. */
    public static Optional<Path> jar(Path dir) {
        Path built = dir.resolve("build/target/product-runner.jar");
        if (Files.isRegularFile(built)) {
            return Optional.of(built);
        }
        QuarkusProduct.Tree tree = QuarkusProduct.write(ProductModels.from(ExampleSpecs.example("todo.yaml"), 1),
                List.of());
        TreeMap<String, byte[]> files = new TreeMap<>();
        tree.files().forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return QuarkusProductBuild.here(dir.resolve("sandbox"), new StringBuilder())
                .map(build -> build.jar(new SourceTree(files), dir));
    }
}
