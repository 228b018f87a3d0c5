package dev.gigafactory.devstack.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseIT {

    private static EmbeddedDatabase database;

    @BeforeAll
    static void startServer() {
        database = EmbeddedDatabase.start();
    }

    @AfterAll
    static void stopServer() {
        database.close();
    }

    @Test
    void aCreatedDatabaseStoresAndReturnsRows() throws Exception {
        database.createDatabase("intake");

        try (Connection connection = database.endpoint().connect("intake");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE spec (name text PRIMARY KEY)");
            statement.execute("INSERT INTO spec VALUES ('todo')");
            try (ResultSet rows = statement.executeQuery("SELECT name FROM spec")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("todo");
            }
        }
    }

    @Test
    void creatingADatabaseTwiceIsHarmless() {
        database.createDatabase("twice");
        database.createDatabase("twice");
    }

    @Test
    void urlsNameLoopbackThePortAndTheDatabase() {
        assertThat(database.jdbcUrl("intake")).isEqualTo("jdbc:postgresql://127.0.0.1:" + database.port() + "/intake");
        assertThat(database.reactiveUrl("intake")).isEqualTo("postgresql://127.0.0.1:" + database.port() + "/intake");
        assertThat(database.username()).isNotBlank();
    }
}
