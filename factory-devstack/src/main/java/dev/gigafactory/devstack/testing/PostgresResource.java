package dev.gigafactory.devstack.testing;

import dev.gigafactory.devstack.postgres.PostgresEndpoint;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded PostgreSQL server shared by all tests of the JVM, and a fresh database for every Quarkus application
 * that starts with this resource. With {@code FACTORY_POSTGRES_URL} ({@code postgresql://user:password@host:port})
 * set, the databases are created on that server instead.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    public Map<String, String> start() {
        PostgresEndpoint postgres = SharedInfra.postgres();
        // pid and a counter keep names apart across class loaders, JVMs and runs against an external server
        String database = "test_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000 + "_"
                + DATABASES.incrementAndGet();
        postgres.createDatabase(database);
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password());
    }

    @Override
    public void stop() {
        // the server outlives one Quarkus application: it stops with the JVM
    }
}
