package dev.gigafactory.deployer.service;

import dev.gigafactory.contracts.product.QuarkusManifest;
import dev.gigafactory.deployer.repository.ProductPasswords;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Each quarkus product's own database and role in the products' PostgreSQL, named after its spec
 * ({@code todo-list} → {@code product_todo_list}), made through the deployer's admin datasource on the product's first
 * start and reused by every later one. The role owns its database and nothing else; no other role may connect to it.
 * <p>
 * The deployer never drops either: not on a redeploy, a restart, a rollback, nor when the spec is retired. The data
 * is the user's and outlives every version of the product (a retired spec applied again finds its rows); removing it
 * is a deliberate act outside the factory.
 */
public final class ProductDatabases {

    private static final SecureRandom RANDOM = new SecureRandom();
    // Spec names are DNS labels; anything else never reaches SQL, quoted or not.
    private static final Pattern SPEC_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,38}[a-z0-9])?");
    private static final String DUPLICATE_OBJECT = "42710";
    private static final String DUPLICATE_DATABASE = "42P04";

    /** The admin datasource: a PostgreSQL JDBC URL and a role that may create databases and roles. */
    public record Admin(String url, String username, String password) {
    }

    /** What one product gets: its database, its role and the role's password, at the products' PostgreSQL. */
    public record Grant(String database, String role, String password, InetSocketAddress address) {

        /** The product's datasource variables, for the database reached at {@code host:port}. */
        public Map<String, String> environment(String host, int port) {
            return QuarkusManifest.datasource(host, port, database, role, password);
        }
    }

    private final Admin admin;
    private final ProductPasswords passwords;
    private final InetSocketAddress address;

    public ProductDatabases(Admin admin, ProductPasswords passwords) {
        this.admin = admin;
        this.passwords = passwords;
        // jdbc:postgresql://host[:port]/db: a confined product reaches host:port through its relay, never the admin URL
        URI uri = URI.create(admin.url().replaceFirst("^jdbc:", ""));
        this.address = new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
    }

    /** Where the products' PostgreSQL listens. */
    public InetSocketAddress address() {
        return address;
    }

    /** The name of the spec's database, which is also its role's. */
    public static String nameOf(String spec) {
        if (!SPEC_NAME.matcher(spec).matches()) {
            throw new IllegalArgumentException("not a spec name: " + spec);
        }
        return "product_" + spec.replace('-', '_');
    }

    /**
     * The spec's database and role, made if they are not there yet, the role's password set to the one kept (so a
     * role made by an earlier deployer, or one whose password was changed by hand, logs in with it again).
     */
    public Grant ensure(String spec) throws SQLException {
        String name = nameOf(spec);
        String password = passwords.keep(spec, name, name, HexFormat.of().formatHex(bytes(24)));
        try (Connection connection = DriverManager.getConnection(admin.url(), admin.username(), admin.password());
                Statement statement = connection.createStatement()) {
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", name)) {
                ignoring(DUPLICATE_OBJECT, statement, "CREATE ROLE " + quoted(name) + " LOGIN");
            }
            statement.execute("ALTER ROLE " + quoted(name) + " WITH LOGIN PASSWORD " + literal(password));
            if (!exists(connection, "select 1 from pg_database where datname = ?", name)) {
                ignoring(DUPLICATE_DATABASE, statement, "CREATE DATABASE " + quoted(name) + " OWNER " + quoted(name));
                statement.execute("REVOKE ALL ON DATABASE " + quoted(name) + " FROM PUBLIC");
            }
        }
        return new Grant(name, name, password, address);
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    // Another deployer (or this one, for the same spec, elsewhere) made it between our look and our create: it is there.
    private static void ignoring(String sqlState, Statement statement, String sql) throws SQLException {
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            if (!sqlState.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
