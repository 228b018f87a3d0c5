package dev.gigafactory.stacks.quarkus;

/**
 * The keys a quarkus product's manifest ({@code gigafactory-product.properties}) adds to the stack-neutral ones
 * ({@code stack}, {@code stack.revision}, {@code spec}, {@code version}), for the tester and the deployer.
 */
public final class QuarkusManifest {

    /** {@code maven}: the tree is a Maven project, built offline against the factory's resolved repository. */
    public static final String BUILD_TOOL = "build.tool";
    /** The goals that compile, run the product's own tests and package it: {@code verify}, never clean or install. */
    public static final String BUILD_GOALS = "build.goals";
    /** The jar to start with {@code java -jar}, relative to the tree's root, once built. */
    public static final String RUN_JAR = "run.jar";
    /**
     * {@code postgresql}: the product needs a database, given as QUARKUS_DATASOURCE_JDBC_URL, _USERNAME and _PASSWORD,
     * for its tests and when it runs; it migrates the schema itself at start.
     */
    public static final String DATASOURCE = "datasource";
    /** The folder of the Flyway migrations, relative to the tree's root. */
    public static final String MIGRATIONS = "migrations";
    /** The newest migration's version (V{n}): a database migrated past it belongs to a newer product. */
    public static final String MIGRATIONS_NEWEST = "migrations.newest";

    static final String MIGRATION_FOLDER = "db/migration/";

    private QuarkusManifest() {
    }
}
