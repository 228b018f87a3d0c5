package dev.gigafactory.devstack.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./factory down, then up: the database server comes back on its own data with what it had. */
class EmbeddedDatabaseRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void aServerRestartedOnItsDataDirKeepsItsRows() throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir)) {
            first.createDatabase("intake");
            try (Connection connection = first.endpoint().connect("intake");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE spec (name text)");
                statement.execute("INSERT INTO spec VALUES ('todo')");
            }
        }

        try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir)) {
            second.createDatabase("intake");
            try (Connection connection = second.endpoint().connect("intake");
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT name FROM spec")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("todo");
            }
        }
    }
}
