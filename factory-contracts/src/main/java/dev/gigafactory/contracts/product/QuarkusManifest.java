package dev.gigafactory.contracts.product;

import java.util.Map;

/**
 * The keys a quarkus product's manifest ({@link ProductContract#MANIFEST}) adds to the stack-neutral ones
 * ({@code stack}, {@code stack.revision}, {@code spec}, {@code version}), and the values they take: written by the
 * quarkus stack, read by the tester and the deployer.
 */
public final class QuarkusManifest {

    /** The value of {@link ProductContract#STACK_KEY}. */
    public static final String STACK = "quarkus";
    /** {@code maven}: the tree is a Maven project, built offline against the factory's resolved repository. */
    public static final String BUILD_TOOL = "build.tool";
    public static final String MAVEN = "maven";
    /** The goals that compile, run the product's own tests and package it: {@code verify}, never clean or install. */
    public static final String BUILD_GOALS = "build.goals";
    public static final String VERIFY = "verify";
    /**
     * The jar the build leaves, relative to the tree's root: self-contained (an uber-jar, its manifest naming the
     * Main-Class), so it is the one artifact the gate stores and the deployer runs, as a jdk-http product's jar is.
     */
    public static final String RUN_JAR = "run.jar";
    /** Where the quarkus stack has its build leave {@link #RUN_JAR}. */
    public static final String RUN_JAR_PATH = "target/product-runner.jar";
    /**
     * {@code postgresql}: the product needs a database, given as QUARKUS_DATASOURCE_JDBC_URL, _USERNAME and _PASSWORD,
     * for its tests and when it runs; it migrates the schema itself at start.
     */
    public static final String DATASOURCE = "datasource";
    public static final String POSTGRESQL = "postgresql";
    /** The product's datasource, in its environment (where the gate and the deployer give it). */
    public static final String DATASOURCE_URL_ENV = "QUARKUS_DATASOURCE_JDBC_URL";
    public static final String DATASOURCE_USERNAME_ENV = "QUARKUS_DATASOURCE_USERNAME";
    public static final String DATASOURCE_PASSWORD_ENV = "QUARKUS_DATASOURCE_PASSWORD";
    /** The folder of the Flyway migrations, relative to the tree's root. */
    public static final String MIGRATIONS = "migrations";
    /** The newest migration's version (V{n}): a database migrated past it belongs to a newer product. */
    public static final String MIGRATIONS_NEWEST = "migrations.newest";

    /** Where the migrations are, under the product's resources. */
    public static final String MIGRATION_FOLDER = "db/migration/";

    private QuarkusManifest() {
    }

    /** The product's environment for its database {@code database} at {@code host:port}, as {@code role}. */
    public static Map<String, String> datasource(String host, int port, String database, String role,
            String password) {
        return Map.of(DATASOURCE_URL_ENV, "jdbc:postgresql://" + host + ":" + port + "/" + database,
                DATASOURCE_USERNAME_ENV, role, DATASOURCE_PASSWORD_ENV, password);
    }
}
