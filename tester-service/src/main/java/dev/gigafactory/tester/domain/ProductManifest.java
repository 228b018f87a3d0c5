package dev.gigafactory.tester.domain;

import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.product.ProductContract;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What a source tree's {@code gigafactory-product.properties} tells the gate: the entry point, and optionally a class
 * whose {@code main} runs the product's own unit tests (exit code 0 means they passed).
 */
public record ProductManifest(String mainClass, Optional<String> testClass) {

    /** Manifest key naming the unit-test entry point; a tester convention beside {@link ProductContract}. */
    public static final String TEST_CLASS_KEY = ProductContract.TEST_CLASS_KEY;

    private static final Pattern CLASS_NAME = Pattern
            .compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

    /** The manifest, or a message saying why the tree has no usable one. */
    public record Read(ProductManifest manifest, String problem) {
    }

    public static Read of(SourceTree tree) {
        String text = tree.text(ProductContract.MANIFEST);
        if (text == null) {
            return new Read(null, "the source tree has no " + ProductContract.MANIFEST);
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return new Read(null, ProductContract.MANIFEST + " cannot be read: " + e.getMessage());
        }
        String main = properties.getProperty(ProductContract.MAIN_CLASS_KEY, "").strip();
        if (!CLASS_NAME.matcher(main).matches()) {
            return new Read(null, ProductContract.MANIFEST + " names no valid " + ProductContract.MAIN_CLASS_KEY
                    + " (was '" + main + "')");
        }
        String test = properties.getProperty(TEST_CLASS_KEY, "").strip();
        if (!test.isEmpty() && !CLASS_NAME.matcher(test).matches()) {
            return new Read(null, ProductContract.MANIFEST + " names an invalid " + TEST_CLASS_KEY + " '" + test + "'");
        }
        return new Read(new ProductManifest(main, test.isEmpty() ? Optional.empty() : Optional.of(test)), null);
    }

    /** Where the compiled entry point must be, relative to the classes directory. */
    public static String classFile(String className) {
        return className.replace('.', '/') + ".class";
    }
}
