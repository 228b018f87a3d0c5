package dev.gigafactory.devstack.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where a PostgreSQL server listens and how to log in: enough to create databases and hand out URLs, whether the
 * server runs in this JVM, in a child process, or outside.
 */
public record PostgresEndpoint(String host, int port, String username, String password) {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** Reads {@code postgresql://[user[:password]@]host[:port][/ignored]}; user and password default to postgres. */
    public static PostgresEndpoint parse(String url) {
        URI uri = URI.create(url.trim());
        if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not a postgresql://user:password@host:port URL: " + url);
        }
        String userInfo = uri.getUserInfo();
        String user = userInfo == null || userInfo.isEmpty() ? "postgres" : userInfo.split(":", 2)[0];
        String password = userInfo != null && userInfo.contains(":") ? userInfo.split(":", 2)[1] : "postgres";
        return new PostgresEndpoint(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password);
    }

    /** The inverse of {@link #parse}. */
    public String toUrl() {
        try {
            return new URI("postgresql", username + ":" + password, host, port, null, null, null).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unrepresentable endpoint " + host + ":" + port, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The form {@code quarkus.datasource.reactive.url} takes. */
    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /** Creates the database unless it exists. Names are plain lower-case identifiers. */
    public void createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: '" + name + "'");
        }
        try (Connection connection = connect("postgres")) {
            if (!exists(connection, name)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: another caller won the race
                throw new IllegalStateException("cannot create database " + name + " on " + host + ":" + port, e);
            }
        }
    }

    /**
     * A connection without DriverManager, whose caller-classloader check rejects the driver inside Quarkus's test
     * class loaders.
     */
    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", username);
        props.setProperty("password", password);
        Connection connection = new org.postgresql.Driver().connect(jdbcUrl(database), props);
        if (connection == null) {
            throw new SQLException("the driver refused " + jdbcUrl(database));
        }
        return connection;
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
