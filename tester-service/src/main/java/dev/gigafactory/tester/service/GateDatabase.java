package dev.gigafactory.tester.service;

import dev.gigafactory.contracts.product.QuarkusManifest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;

/**
 * Where a quarkus product's tests and acceptance run get their database: a throw-away database and role per run,
 * created through the tester's admin datasource and dropped after the run whatever happened, so no run sees another's
 * rows and a product cannot reach anything but its own database.
 */
public final class GateDatabase {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The admin datasource: a PostgreSQL JDBC URL and a role that may create databases and roles. */
    public record Admin(String url, String username, String password) {
    }

    private final Admin admin;
    private final InetSocketAddress address;

    public GateDatabase(Admin admin) {
        this.admin = admin;
        // jdbc:postgresql://host[:port]/db: the relay forwards to host:port, the product never sees the admin URL
        URI uri = URI.create(admin.url().replaceFirst("^jdbc:", ""));
        this.address = new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
    }

    InetSocketAddress address() {
        return address;
    }

    /** A new database and role; throws {@link GateUnavailableException} when the admin datasource cannot make them. */
    Lease lease() {
        String name = "gate_" + HexFormat.of().formatHex(bytes(6));
        String password = HexFormat.of().formatHex(bytes(16));
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
            statement.execute("CREATE DATABASE " + name + " OWNER " + name);
        } catch (SQLException e) {
            new Lease(name, password).close();
            throw new GateUnavailableException("the tester's database for quarkus products cannot create one: "
                    + e.getMessage(), e);
        }
        return new Lease(name, password);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(admin.url(), admin.username(), admin.password());
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** One run's database; {@link #close()} drops it and its role. */
    final class Lease implements AutoCloseable {

        private final String name;
        private final String password;

        private Lease(String name, String password) {
            this.name = name;
            this.password = password;
        }

        /** The product's datasource variables, for a database reached at {@code host:port}. */
        Map<String, String> environment(String host, int port) {
            return QuarkusManifest.datasource(host, port, name, name, password);
        }

        @Override
        public void close() {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                // FORCE: a product that outlived its run must not keep its database alive
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                statement.execute("DROP ROLE IF EXISTS " + name);
            } catch (SQLException e) {
                System.getLogger(GateDatabase.class.getName()).log(System.Logger.Level.WARNING,
                        "could not drop the gate's database " + name + ": " + e.getMessage());
            }
        }
    }
}
