package dev.gigafactory.stacks.quarkus;

import dev.gigafactory.contracts.product.QuarkusManifest;
import dev.gigafactory.stacks.jdkhttp.ProductModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every file of a {@code quarkus} product, a Maven project: Quarkus REST and Panache on PostgreSQL, one Flyway
 * migration per spec version, the same HTTP contract, metric names and ready line as the jdk-http stack.
 */
public final class QuarkusProduct {

    /** The tree by path, or the problems that stop it being written (then the tree is empty). */
    public record Tree(Map<String, String> files, List<String> problems) {

        public Tree {
            files = Map.copyOf(files);
            problems = List.copyOf(problems);
        }
    }

    static final String RESOURCES = "src/main/resources/";

    private QuarkusProduct() {
    }

    /**
     * Writes the product of its newest version. {@code earlier} are the spec's versions before it, oldest first, so
     * the migrations replay the history a deployed database went through; with none, V{version} creates every table.
     */
    public static Tree write(ProductModel product, List<ProductModel> earlier) {
        List<String> problems = new ArrayList<>(QuarkusNames.problems(product.entities()));
        List<ProductModel> versions = new ArrayList<>(earlier);
        versions.add(product);
        List<Migrations.Migration> migrations = Migrations.history(versions);
        migrations.forEach(migration -> problems.addAll(migration.problems()));
        if (!problems.isEmpty()) {
            return new Tree(Map.of(), problems);
        }
        Map<String, String> files = new TreeMap<>();
        QuarkusTasks.every(product).forEach(task -> files.putAll(QuarkusTasks.write(product, null, task)));
        migrations.forEach(migration -> files.put(RESOURCES + QuarkusManifest.MIGRATION_FOLDER + migration.fileName(),
                migration.sql()));
        return new Tree(files, List.of());
    }
}
