package dev.gigafactory.stacks.jdkhttp;

import dev.gigafactory.contracts.product.ProductContract;
import dev.gigafactory.stacks.JavaLiterals;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The parts of every product that do not depend on the spec (JSON codec, router, journal, metrics, ...). They live as
 * plain Java files under {@code dev/gigafactory/stacks/jdkhttp/} (resources) so they can be read and changed as code; only the package name
 * and the ready line are filled in.
 */
final class StaticSources {

    static final Set<String> MAIN_TYPES = Set.of("Hooks", "Http", "Journal", "Json", "JsonReader", "Metrics",
            "Problem", "Router", "Rules", "Server", "Store", "Validation");
    static final Set<String> TEST_TYPES = Set.of("Check", "JsonChecks");
    static final Set<String> TYPE_NAMES = Stream.concat(MAIN_TYPES.stream(), TEST_TYPES.stream())
            .collect(Collectors.toUnmodifiableSet());

    private static final String ROOT = "/dev/gigafactory/stacks/jdkhttp/";
    private static final Pattern IMPORT = Pattern.compile("^import ([\\w.]+\\.(\\w+));$", Pattern.MULTILINE);
    private static final Map<String, String> MAIN = load("main/", MAIN_TYPES);
    private static final Map<String, String> TEST = load("test/", TEST_TYPES);

    /** Simple names the templates import: an entity of that name would be shadowed in their files. */
    static final Set<String> IMPORTED_NAMES = Stream.concat(MAIN.values().stream(), TEST.values().stream())
            .flatMap(text -> IMPORT.matcher(text).results().map(match -> match.group(2)))
            .collect(Collectors.toUnmodifiableSet());

    private StaticSources() {
    }

    /** Path in the tree to file content, for the product's package. */
    static Map<String, String> write(ProductModel product) {
        Map<String, String> files = new TreeMap<>();
        MAIN.forEach((type, text) -> files.put(product.mainSource(type), fill(text, product)));
        TEST.forEach((type, text) -> files.put(product.testSource(type), fill(text, product)));
        return files;
    }

    /** The templates' resource names, as a class loader finds them. */
    static Set<String> templateResources() {
        Set<String> names = new TreeSet<>();
        MAIN_TYPES.forEach(type -> names.add(ROOT.substring(1) + "main/" + type + ".java.tmpl"));
        TEST_TYPES.forEach(type -> names.add(ROOT.substring(1) + "test/" + type + ".java.tmpl"));
        return names;
    }

    static Set<String> paths(ProductModel product) {
        Set<String> paths = new TreeSet<>();
        MAIN_TYPES.forEach(type -> paths.add(product.mainSource(type)));
        TEST_TYPES.forEach(type -> paths.add(product.testSource(type)));
        return paths;
    }

    private static String fill(String template, ProductModel product) {
        String readyLine = JavaLiterals.string(ProductContract.READY_LINE);
        return template.replace("{{package}}", product.packageName())
                .replace("\"{{readyLine}}\"", readyLine);
    }

    private static Map<String, String> load(String folder, Set<String> types) {
        Map<String, String> templates = new TreeMap<>();
        for (String type : types) {
            String resource = ROOT + folder + type + ".java.tmpl";
            try (InputStream in = StaticSources.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("template missing from the classpath: " + resource);
                }
                templates.put(type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return templates;
    }
}
