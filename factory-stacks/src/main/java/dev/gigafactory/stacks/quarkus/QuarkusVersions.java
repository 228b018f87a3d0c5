package dev.gigafactory.stacks.quarkus;

import java.util.List;
import java.util.Map;

/**
 * What a quarkus product's pom names, in one place: the factory-stacks-quarkus-repo module resolves exactly these
 * in advance (a test checks the two agree), because the product is built offline.
 */
public final class QuarkusVersions {

    public static final String QUARKUS_PLATFORM = "3.34.1";

    /**
     * The Quarkus extensions of the product (group io.quarkus), versions from the platform BOM, as are its test
     * dependencies (quarkus-junit, which quarkus-junit5 was relocated to in 3.31, and rest-assured). Flyway 10 and later reach PostgreSQL only through
     * quarkus-flyway-postgresql.
     */
    public static final List<String> EXTENSIONS = List.of("quarkus-rest-jackson", "quarkus-hibernate-orm-panache",
            "quarkus-jdbc-postgresql", "quarkus-hibernate-validator", "quarkus-smallrye-health",
            "quarkus-smallrye-openapi", "quarkus-flyway", "quarkus-flyway-postgresql");

    /** Property name in the product pom to version, for the Maven plugins it pins. */
    public static final Map<String, String> PLUGINS = Map.of("compiler-plugin.version", "3.14.1",
            "surefire-plugin.version", "3.5.4", "jar-plugin.version", "3.4.2", "resources-plugin.version", "3.3.1");

    private QuarkusVersions() {
    }
}
