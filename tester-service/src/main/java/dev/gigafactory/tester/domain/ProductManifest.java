package dev.gigafactory.tester.domain;

import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.product.ProductContract;
import dev.gigafactory.contracts.product.QuarkusManifest;
import dev.gigafactory.contracts.spec.ServiceDefinition;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What a source tree's {@code gigafactory-product.properties} tells the gate. A {@code jdk-http} product: the entry
 * point, and optionally a class whose {@code main} runs the product's own unit tests (exit code 0 means they passed).
 * A {@code quarkus} product: a Maven project whose {@code verify} runs its own tests against a PostgreSQL database and
 * leaves {@code runJar} (relative to the tree), self-contained, its manifest naming the entry point (so
 * {@code mainClass} is null until it is built).
 */
public record ProductManifest(String stack, String mainClass, Optional<String> testClass, String runJar) {

    public static final String JDK_HTTP = ServiceDefinition.DEFAULT_STACK;
    public static final String QUARKUS = QuarkusManifest.STACK;
    private static final String STACK_KEY = ProductContract.STACK_KEY;
    private static final Map<String, String> QUARKUS_REQUIRES = Map.of(QuarkusManifest.BUILD_TOOL,
            QuarkusManifest.MAVEN, QuarkusManifest.BUILD_GOALS, QuarkusManifest.VERIFY, QuarkusManifest.DATASOURCE,
            QuarkusManifest.POSTGRESQL);
    private static final String RUN_JAR_KEY = QuarkusManifest.RUN_JAR;
    private static final Pattern RELATIVE_JAR = Pattern
            .compile("([A-Za-z0-9_.-]+/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*\\.jar");

    /** A {@code jdk-http} product's manifest. */
    public ProductManifest(String mainClass, Optional<String> testClass) {
        this(JDK_HTTP, mainClass, testClass, null);
    }

    public boolean quarkus() {
        return QUARKUS.equals(stack);
    }

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
        String stack = properties.getProperty(STACK_KEY, JDK_HTTP).strip();
        if (QUARKUS.equals(stack)) {
            return quarkus(properties);
        }
        if (!JDK_HTTP.equals(stack)) {
            return new Read(null,
                    ProductContract.MANIFEST + " names stack '" + stack + "', which the tester cannot build");
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

    private static Read quarkus(Properties properties) {
        for (Map.Entry<String, String> required : QUARKUS_REQUIRES.entrySet()) {
            String value = properties.getProperty(required.getKey(), "").strip();
            if (!value.equals(required.getValue())) {
                return new Read(null, ProductContract.MANIFEST + " must say " + required.getKey() + "="
                        + required.getValue() + " for a quarkus product (was '" + value + "')");
            }
        }
        String jar = properties.getProperty(RUN_JAR_KEY, "").strip();
        // relative and inside the build: the gate reads this path outside the sandbox
        if (!RELATIVE_JAR.matcher(jar).matches() || Arrays.asList(jar.split("/")).contains("..")) {
            return new Read(null, ProductContract.MANIFEST + " names no valid relative " + RUN_JAR_KEY + " (was '" + jar
                    + "')");
        }
        return new Read(new ProductManifest(QUARKUS, null, Optional.empty(), jar), null);
    }

    /** Where the compiled entry point must be, relative to the classes directory. */
    public static String classFile(String className) {
        return className.replace('.', '/') + ".class";
    }
}
