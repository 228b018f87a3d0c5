package dev.gigafactory.deployer.service;

import dev.gigafactory.contracts.product.ProductProcess;
import dev.gigafactory.contracts.product.ProductStartException;
import dev.gigafactory.deployer.domain.Release;
import dev.gigafactory.sandbox.JvmBudget;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What a quarkus product needs to start that a jdk-http one does not: its own database ({@link ProductDatabases}),
 * given as {@code QUARKUS_DATASOURCE_*}, and a JVM sized to the product's address-space limit instead of the 64 MiB
 * heap of a jdk-http product. The datasource is in the product's environment, never on its command line (which every
 * user of the machine may read).
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

    /** With a database: the launch with its datasource (where the confined product sees it) and a Quarkus-sized JVM. */
    ProductProcess.Launch prepare(ProductProcess.Launch launch, Optional<ProductDatabases.Grant> database,
            ProductConfinement confinement) {
        if (database.isEmpty()) {
            return launch;
        }
        InetSocketAddress seenAt = confinement.databaseSeenAt(database.get().address());
        return launch.withJvmFlags(JvmBudget.within(memoryBytes).productOptions())
                .withEnvironment(database.get().environment(seenAt.getHostString(), seenAt.getPort()));
    }
}
