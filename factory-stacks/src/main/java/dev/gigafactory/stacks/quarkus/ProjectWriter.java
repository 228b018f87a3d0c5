package dev.gigafactory.stacks.quarkus;

import dev.gigafactory.contracts.product.QuarkusManifest;
import dev.gigafactory.contracts.product.ProductContract;
import dev.gigafactory.contracts.spec.Operation;
import dev.gigafactory.stacks.jdkhttp.EntityModel;
import dev.gigafactory.stacks.jdkhttp.ProductModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The files around a quarkus product's sources: the pom, the configuration, the README, the manifest. */
final class ProjectWriter {

    static final String STACK = QuarkusManifest.STACK;

    private ProjectWriter() {
    }

    static String pom(ProductModel product) {
        Map<String, String> values = new HashMap<>(QuarkusVersions.PLUGINS);
        values.put("artifactId", product.spec());
        values.put("version", product.version() + ".0.0");
        values.put("quarkus.platform.version", QuarkusVersions.QUARKUS_PLATFORM);
        values.put("dependencies", QuarkusVersions.EXTENSIONS.stream()
                .map(extension -> "    <dependency>\n      <groupId>io.quarkus</groupId>\n      <artifactId>"
                        + extension
                        + "</artifactId>\n    </dependency>")
                .collect(Collectors.joining("\n")));
        return QuarkusTemplates.project("pom.xml", values);
    }

    static String applicationProperties(ProductModel product) {
        return QuarkusTemplates.project("application.properties",
                Map.of("spec", product.spec(), "version", String.valueOf(product.version())));
    }

    static String readme(ProductModel product) {
        String description = product.description() == null || product.description().isBlank()
                ? "A service generated from its spec."
                : product.description().strip();
        return QuarkusTemplates.project("README.md", Map.of("spec", product.spec(), "description", description,
                "version", String.valueOf(product.version()), "readyLine", ProductContract.READY_LINE,
                "endpoints", product.entities().stream().map(ProjectWriter::endpoints)
                        .collect(Collectors.joining("\n"))));
    }

    /**
     * What the factory needs to build, test, start and migrate the product: a Maven build offline (its own tests run
     * in {@code verify}, against the datasource the environment gives), the jar it starts, where the migrations are
     * and the newest one, which is this version's.
     */
    static String manifest(ProductModel product, String revision) {
        return "# How the factory builds, tests and starts this product.\n"
                + ProductContract.STACK_KEY + "=" + STACK + "\n"
                + ProductContract.STACK_REVISION_KEY + "=" + revision + "\n"
                + "spec=" + product.spec() + "\n"
                + "version=" + product.version() + "\n"
                + QuarkusManifest.BUILD_TOOL + "=" + QuarkusManifest.MAVEN + "\n"
                + QuarkusManifest.BUILD_GOALS + "=" + QuarkusManifest.VERIFY + "\n"
                + QuarkusManifest.RUN_JAR + "=" + QuarkusManifest.RUN_JAR_PATH + "\n"
                + QuarkusManifest.DATASOURCE + "=" + QuarkusManifest.POSTGRESQL + "\n"
                + QuarkusManifest.MIGRATIONS + "=" + QuarkusProduct.RESOURCES + QuarkusManifest.MIGRATION_FOLDER + "\n"
                + QuarkusManifest.MIGRATIONS_NEWEST + "=" + product.version() + "\n";
    }

    static String gitignore() {
        return "target/\n";
    }

    private static String endpoints(EntityModel entity) {
        List<String> offered = List.of(Operation.LIST, Operation.CREATE, Operation.GET, Operation.UPDATE,
                Operation.DELETE).stream().filter(entity::supports)
                .map(operation -> ResourceMethods.httpMethod(operation) + " /" + entity.plural()
                        + (operation == Operation.LIST || operation == Operation.CREATE ? "" : "/{id}"))
                .toList();
        return "- " + entity.name() + ": `" + String.join("`, `", offered) + "` (any other method: `405`)";
    }
}
