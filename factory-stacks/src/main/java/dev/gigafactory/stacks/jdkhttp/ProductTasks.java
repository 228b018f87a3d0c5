package dev.gigafactory.stacks.jdkhttp;

import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.events.PlanTask.Kind;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.product.ProductContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What each plan task writes in a {@code jdk-http} product. Every file of the product belongs to exactly one task,
 * so the files of a task a plan leaves out can be kept from an earlier tree as they are.
 */
public final class ProductTasks {

    private static final String BUILD_SCRIPT = "build.sh";
    private static final String GITIGNORE = ".gitignore";
    private static final String README = "README.md";

    private ProductTasks() {
    }

    /** Every task this product has, the same as {@link PlanTask#every} gives for its spec. */
    public static List<PlanTask> every(ProductModel product) {
        List<PlanTask> tasks = new ArrayList<>();
        tasks.add(PlanTask.of(Kind.PROJECT, product.spec()));
        tasks.add(PlanTask.of(Kind.RUNTIME, product.spec()));
        product.entities().forEach(entity -> tasks.add(PlanTask.entity(entity.name())));
        tasks.add(PlanTask.of(Kind.ENTRY_POINT, product.spec()));
        tasks.add(PlanTask.of(Kind.REQUIREMENTS, product.spec()));
        tasks.add(PlanTask.of(Kind.TESTS, product.spec()));
        return List.copyOf(tasks);
    }

    /** The paths the task writes, without writing them. */
    public static Set<String> paths(ProductModel product, PlanTask task) {
        Set<String> paths = new TreeSet<>();
        switch (task.kind()) {
            case PROJECT -> paths.addAll(List.of(ProductContract.MANIFEST, BUILD_SCRIPT, GITIGNORE, README));
            case RUNTIME -> paths.addAll(StaticSources.paths(product));
            case ENTITY -> {
                EntityModel entity = entity(product, task);
                paths.addAll(List.of(product.mainSource(entity.javaName()), product.mainSource(entity
                        .validatorName()), product.mainSource(entity.storeName())));
            }
            case ENTRY_POINT -> paths.add(product.mainSource("Main"));
            case REQUIREMENTS -> paths.add(product.mainSource(RequirementsWriter.CLASS_NAME));
            case TESTS -> paths.add(product.testSource("ProductTest"));
        }
        return paths;
    }

    /**
     * The paths of the task's files in {@code tree}: what {@link #paths} names, and for the requirements task every
     * domain class the LLM agent wrote beside its class.
     */
    public static Set<String> pathsIn(ProductModel product, PlanTask task, SourceTree tree) {
        Set<String> paths = paths(product, task);
        if (task.kind() == Kind.REQUIREMENTS) {
            tree.files().keySet().stream().filter(path -> path.startsWith(product.domainSources()))
                    .forEach(paths::add);
        }
        return paths;
    }

    /** The task's files, by path. */
    public static Map<String, String> write(ProductModel product, PlanTask task) {
        Map<String, String> files = new TreeMap<>();
        switch (task.kind()) {
            case PROJECT -> {
                files.put(ProductContract.MANIFEST, ProjectFilesWriter.manifest(product));
                files.put(BUILD_SCRIPT, ProjectFilesWriter.buildScript(product));
                files.put(GITIGNORE, ProjectFilesWriter.gitignore());
                files.put(README, ReadmeWriter.write(product));
            }
            case RUNTIME -> files.putAll(StaticSources.write(product));
            case ENTITY -> {
                EntityModel entity = entity(product, task);
                files.put(product.mainSource(entity.javaName()), EntityRecordWriter.write(product, entity));
                files.put(product.mainSource(entity.validatorName()), ValidatorWriter.write(product, entity));
                files.put(product.mainSource(entity.storeName()), StoreWriter.write(product, entity));
            }
            case ENTRY_POINT -> files.put(product.mainSource("Main"), MainWriter.write(product));
            case REQUIREMENTS -> files.put(product.mainSource(RequirementsWriter.CLASS_NAME),
                    RequirementsWriter.write(product));
            case TESTS -> files.put(product.testSource("ProductTest"), ProductTestWriter.write(product));
        }
        return files;
    }

    private static EntityModel entity(ProductModel product, PlanTask task) {
        return product.entities().stream().filter(entity -> entity.name().equals(task.target())).findFirst()
                .orElseThrow(() -> new UnsafeSpecException(product.spec(), List.of("the plan's task '" + task.id()
                        + "' is for an entity version " + product.version() + " does not have")));
    }
}
