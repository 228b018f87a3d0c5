package dev.gigafactory.tester;

import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.stacks.jdkhttp.ProductModels;
import dev.gigafactory.stacks.jdkhttp.ProductSources;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Hand-written product source trees (src/test/resources/products/NAME) and the todo example spec they target. */
public final class Fixtures {

    private static final Path PRODUCTS = Path.of("src/test/resources/products");
    // The real example, so the fixtures are held to the same acceptance steps a newcomer would submit.
    private Fixtures() {
    }

    public static SourceTree tree(String product) {
        Path root = PRODUCTS.resolve(product);
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SourceTree(files);
    }

    /** Packs the fixture into the store, the way the coder hands over its sources; returns the digest. */
    public static String store(ArtifactStore store, String product) {
        return store.put(tree(product).pack());
    }

    /** The product today's jdk-http templates write for the spec's version 1, stored; its digest. */
    public static String generated(ArtifactStore store, ServiceSpec spec) {
        Map<String, byte[]> files = new TreeMap<>();
        ProductSources.write(ProductModels.from(spec, 1))
                .forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return store.put(new SourceTree(files).pack());
    }

    public static ServiceSpec todoSpec() {
        return ExampleSpecs.example("todo.yaml");
    }

    /** A spec under src/test/resources/specs. */
    public static ServiceSpec testSpec(String name) {
        return ExampleSpecs.testSpec(name);
    }

    public static CodeGenerated codeGenerated(String sourceDigest, int version) {
        return new CodeGenerated("todo", version, 1, "jdk-http", "fixture", sourceDigest, 0, todoSpec());
    }
}
