package dev.gigafactory.stacks.quarkus;

import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.events.PlanTask.Kind;
import dev.gigafactory.contracts.product.ProductContract;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.stacks.jdkhttp.EntityModel;
import dev.gigafactory.stacks.jdkhttp.ProductModel;
import dev.gigafactory.stacks.jdkhttp.ProductTasks;
import dev.gigafactory.stacks.jdkhttp.RequirementsWriter;
import dev.gigafactory.stacks.jdkhttp.UnsafeSpecException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What each plan task writes in a {@code quarkus} product, but the migrations ({@link QuarkusHistory} keeps the
 * earlier ones and writes the version's own with the project task, which every plan has). Every other file belongs to
 * exactly one task. The planner plans the same tasks for every stack: the runtime is the spec-independent sources,
 * the entry point the routes of every entity (they label metrics and answer 405s), the requirements task the
 * template's {@code Requirements} class (every hook keeps its default) and, kept from the base tree like it, whatever
 * domain classes an LLM agent wrote beside it.
 */
final class QuarkusTasks {

    /** The spec document the tree was written from: the next version's migration starts from its model. */
    static final String SPEC_DOCUMENT = "gigafactory-spec.json";
    static final String ROUTES = "Routes";

    private static final String POM = "pom.xml";
    private static final String PROPERTIES = QuarkusProduct.RESOURCES + "application.properties";
    private static final String README = "README.md";
    private static final String GITIGNORE = ".gitignore";

    private QuarkusTasks() {
    }

    /** The tasks the planner plans for the product's spec: the same for every stack. */
    static List<PlanTask> every(ProductModel product) {
        return ProductTasks.every(product);
    }

    /** The paths the task writes, without writing them. */
    static Set<String> paths(ProductModel product, PlanTask task) {
        Set<String> paths = new TreeSet<>(write(product, null, task).keySet());
        if (task.kind() == Kind.PROJECT) {
            paths.add(SPEC_DOCUMENT);
        }
        return paths;
    }

    /**
     * The task's files by path.
     *
     * @param document the spec document, stored by the project task; null for none (a tree written without the
     *        factory's history, by {@link QuarkusProduct})
     */
    static Map<String, String> write(ProductModel product, ServiceSpec document, PlanTask task) {
        Map<String, String> files = new TreeMap<>();
        switch (task.kind()) {
            case PROJECT -> {
                files.put(POM, ProjectWriter.pom(product));
                files.put(PROPERTIES, ProjectWriter.applicationProperties(product));
                files.put(README, ProjectWriter.readme(product));
                files.put(GITIGNORE, ProjectWriter.gitignore());
                files.put(ProductContract.MANIFEST, ProjectWriter.manifest(product, QuarkusRevision.current()));
                if (document != null) {
                    files.put(SPEC_DOCUMENT, specDocument(document));
                }
            }
            case RUNTIME -> QuarkusTemplates.mainSources(product).forEach((path, text) -> {
                if (!path.equals(product.mainSource(ROUTES))) {
                    files.put(path, text);
                }
            });
            case ENTITY -> {
                EntityModel entity = entity(product, task);
                files.put(product.mainSource(entity.javaName()), EntityWriter.write(product, entity));
                files.put(product.mainSource(QuarkusNames.resourceName(entity)), ResourceWriter.write(product,
                        entity));
            }
            case ENTRY_POINT -> files.put(product.mainSource(ROUTES),
                    QuarkusTemplates.mainSources(product).get(product.mainSource(ROUTES)));
            case REQUIREMENTS -> files.put(product.mainSource(RequirementsWriter.CLASS_NAME),
                    RequirementsWriter.write(product));
            case TESTS -> files.put(product.testSource(QuarkusTests.CLASS_NAME), QuarkusTests.write(product));
        }
        return files;
    }

    /** Canonical JSON (sorted keys), so the same document is always the same bytes. */
    static String specDocument(ServiceSpec document) {
        return new String(Json.canonical(document), StandardCharsets.UTF_8) + "\n";
    }

    private static EntityModel entity(ProductModel product, PlanTask task) {
        return product.entities().stream().filter(entity -> entity.name().equals(task.target())).findFirst()
                .orElseThrow(() -> new UnsafeSpecException(product.spec(), List.of("the plan's task '" + task.id()
                        + "' is for an entity version " + product.version() + " does not have")));
    }
}
