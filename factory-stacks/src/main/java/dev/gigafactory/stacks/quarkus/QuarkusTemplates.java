package dev.gigafactory.stacks.quarkus;

import dev.gigafactory.contracts.product.ProductContract;
import dev.gigafactory.stacks.JavaLiterals;
import dev.gigafactory.stacks.jdkhttp.EntityModel;
import dev.gigafactory.stacks.jdkhttp.ProductModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The spec-independent parts of a quarkus product, kept as plain files under {@code dev/gigafactory/stacks/quarkus/}
 * so they read as code. {@code Metrics} is the jdk-http stack's own template, so both stacks expose the same metric
 * names and labels by construction; so are {@code Rules} and {@code Problem}, the hook contract an LLM agent's
 * {@code Requirements} class is written against, so the same class compiles in both stacks' products.
 */
final class QuarkusTemplates {

    static final Set<String> MAIN_TYPES = Set.of("Hooks", "Metrics", "MetricsFilter", "Problem", "ProblemJson",
            "ProblemMappers", "ReadyLine", "Routes", "Rules", "StoredRecords", "StrictJson", "Telemetry");
    /** The main types whose template is the jdk-http stack's, byte for byte. */
    static final Set<String> SHARED_TYPES = Set.of("Metrics", "Problem", "Rules");

    private static final String ROOT = "/dev/gigafactory/stacks/quarkus/";
    private static final String SHARED = "/dev/gigafactory/stacks/jdkhttp/main/";
    private static final Pattern IMPORT = Pattern.compile("^import ([\\w.]+\\.(\\w+));$", Pattern.MULTILINE);

    private QuarkusTemplates() {
    }

    /** Path in the tree to content, for the product's package; its routes feed the metrics' labels and 405s. */
    static Map<String, String> mainSources(ProductModel product) {
        List<String> routes = new ArrayList<>(List.of(entry("/health", "GET"), entry("/metrics", "GET")));
        for (EntityModel entity : product.entities()) {
            routes.add(entry("/" + entity.plural(), ResourceMethods.allow(entity, ResourceMethods.COLLECTION)));
            routes.add(entry("/" + entity.plural() + "/{id}", ResourceMethods.allow(entity, ResourceMethods.ITEM)));
        }
        String allow = "Map.ofEntries(" + String.join(", ", routes) + ")";
        Map<String, String> files = new TreeMap<>();
        for (String type : MAIN_TYPES) {
            String text = read(template(type));
            files.put(product.mainSource(type), text.replace("{{package}}", product.packageName())
                    .replace("\"{{readyLine}}\"", JavaLiterals.string(ProductContract.READY_LINE))
                    .replace("{{allow}}", allow));
        }
        return files;
    }

    private static String entry(String route, String allow) {
        return "Map.entry(" + JavaLiterals.string(route) + ", " + JavaLiterals.string(allow) + ")";
    }

    /** Simple names the templates import: an entity of that name would be shadowed in their files. */
    static Set<String> importedNames() {
        return MAIN_TYPES.stream()
                .map(type -> read(template(type)))
                .flatMap(text -> IMPORT.matcher(text).results().map(match -> match.group(2)))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The resource a main type is written from. */
    static String template(String type) {
        return (SHARED_TYPES.contains(type) ? SHARED : ROOT + "main/") + type + ".java.tmpl";
    }

    /** A project file template ({@code project/pom.xml.tmpl}) with its {@code {{key}}}s replaced. */
    static String project(String name, Map<String, String> values) {
        String text = read(ROOT + "project/" + name + ".tmpl");
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return text;
    }

    static String read(String resource) {
        try (InputStream in = QuarkusTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
