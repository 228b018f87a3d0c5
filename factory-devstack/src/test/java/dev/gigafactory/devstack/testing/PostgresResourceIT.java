package dev.gigafactory.devstack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.devstack.postgres.PostgresEndpoint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The datasource a Quarkus test gets: a fresh database on a server shared by the JVM. */
class PostgresResourceIT {

    @Test
    void everyStartGetsItsOwnEmptyDatabaseOnTheSameServer() throws Exception {
        Map<String, String> first = new PostgresResource().start();
        Map<String, String> second = new PostgresResource().start();

        assertThat(first.get("quarkus.datasource.reactive.url")).isNotEqualTo(
                second.get("quarkus.datasource.reactive.url"));
        assertThat(serverOf(first)).isEqualTo(serverOf(second));
        try (Connection connection = connect(first); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE marker (id int)");
        }
        try (Connection connection = connect(second);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'marker'")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
    }

    @Test
    void providesEveryDatasourcePropertyAQuarkusServiceNeeds() {
        Map<String, String> config = new PostgresResource().start();

        assertThat(config).containsEntry("quarkus.datasource.db-kind", "postgresql")
                .containsKeys("quarkus.datasource.username", "quarkus.datasource.password");
        assertThat(config.get("quarkus.datasource.reactive.url"))
                .matches("postgresql://127\\.0\\.0\\.1:\\d+/test_\\w+");
        assertThat(config.get("quarkus.datasource.jdbc.url"))
                .isEqualTo("jdbc:" + config.get("quarkus.datasource.reactive.url"));
    }

    private static String serverOf(Map<String, String> config) {
        String url = config.get("quarkus.datasource.reactive.url");
        return url.substring(0, url.lastIndexOf('/'));
    }

    private static Connection connect(Map<String, String> config) throws Exception {
        String url = config.get("quarkus.datasource.reactive.url");
        PostgresEndpoint endpoint = PostgresEndpoint.parse(serverOf(config).replace("postgresql://",
                "postgresql://" + config.get("quarkus.datasource.username") + ":"
                        + config.get("quarkus.datasource.password") + "@"));
        return endpoint.connect(url.substring(url.lastIndexOf('/') + 1));
    }
}
