package dev.gigafactory.deployer.service;

import dev.gigafactory.contracts.product.ProductProcess;
import dev.gigafactory.contracts.product.ProductStartException;
import dev.gigafactory.deployer.domain.Release;
import dev.gigafactory.sandbox.JvmBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a quarkus product needs to start that a jdk-http one does not: its own database ({@link ProductDatabases}),
 * given as {@code QUARKUS_DATASOURCE_*}, and a JVM sized to the product's address-space limit instead of the 64 MiB
 * heap of a jdk-http product. The product's environment is scrubbed to PORT and the data dir at start, so the
 * datasource comes in through the wrapper: a shell that reads an owner-only file and execs the rest (the password is
 * never on a command line, which every user of the machine may read), the file deleted once the product runs.
 */
final class QuarkusLaunch {

    static final String NO_DATABASE = "a quarkus product needs a database of its own, and this deployer has nowhere"
            + " to make one: set deployer.products-database.url, .username and .password"
            + " (DEPLOYER_PRODUCTS_DATABASE_URL, _USERNAME, _PASSWORD) to a PostgreSQL role that may create databases"
            + " and roles";

    private final Optional<ProductDatabases> databases;
    private final long memoryBytes;

    QuarkusLaunch(Optional<ProductDatabases> databases, long memoryBytes) {
        this.databases = databases;
        this.memoryBytes = memoryBytes;
    }

    /** The products' PostgreSQL, when the deployer has one. */
    Optional<InetSocketAddress> databaseAddress() {
        return databases.map(ProductDatabases::address);
    }

    /**
     * The release's database, made on its product's first start (empty for a product that needs none); fails the
     * start with the reason when there can be none.
     */
    Optional<ProductDatabases.Grant> databaseOf(Release release) throws ProductStartException {
        if (!release.needsDatabase()) {
            return Optional.empty();
        }
        ProductDatabases made = databases.orElseThrow(() -> new ProductStartException(NO_DATABASE, ""));
        try {
            return Optional.of(made.ensure(release.spec()));
        } catch (SQLException e) {
            throw new ProductStartException("cannot make the database of " + release.spec()
                    + " in the products' PostgreSQL at " + made.address() + ": " + e.getMessage(), "");
        }
    }

    /**
     * With a database: the launch with its datasource (where the confined product sees it) in {@code environmentFile}
     * and the Quarkus-sized JVM. Without, the launch as it was.
     */
    ProductProcess.Launch prepare(ProductProcess.Launch launch, Optional<ProductDatabases.Grant> database,
            ProductConfinement confinement, Path environmentFile) {
        if (database.isEmpty()) {
            return launch;
        }
        InetSocketAddress seenAt = confinement.databaseSeenAt(database.get().address());
        writePrivately(environmentFile, database.get().environment(seenAt.getHostString(), seenAt.getPort()));
        List<String> wrapper = new ArrayList<>(List.of("/bin/sh", "-c", "set -a && . \"$0\" && set +a && exec \"$@\"",
                environmentFile.toAbsolutePath().toString()));
        wrapper.addAll(launch.wrapper());
        return new ProductProcess.Launch(launch.jar(), launch.dataDir(), launch.log(), launch.port(),
                List.copyOf(wrapper), JvmBudget.within(memoryBytes).options(), launch.readyTimeout(), launch.java(),
                launch.main());
    }

    /** The file was read by the product's shell at its start; the deployer's store keeps the password. */
    static void forget(Path environmentFile) {
        try {
            Files.deleteIfExists(environmentFile);
        } catch (IOException e) {
            // owner-only, and rewritten at the next start
        }
    }

    private static void writePrivately(Path file, Map<String, String> variables) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(variables).forEach((name, value) -> text.append(name).append("='")
                .append(value.replace("'", "'\\''")).append("'\n"));
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the product's datasource to " + file, e);
        }
    }
}
