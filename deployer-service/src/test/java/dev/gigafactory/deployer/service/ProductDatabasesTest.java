package dev.gigafactory.deployer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigafactory.deployer.repository.InMemoryProductPasswords;
import dev.gigafactory.deployer.repository.ProductPasswords;
import dev.gigafactory.devstack.postgres.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each quarkus product's own database and role, in a real PostgreSQL: made once, kept, and only its own. */
class ProductDatabasesTest {

    private static EmbeddedDatabase postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedDatabase.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Test
    void aProductGetsADatabaseAndRoleOfItsOwnWhoseDataAndPasswordSurviveEveryLaterStart() throws Exception {
        ProductPasswords kept = new InMemoryProductPasswords();
        ProductDatabases.Grant first = databases(kept).ensure("todo-list");
        try (Connection product = login(first); Statement statement = product.createStatement()) {
            statement.execute("CREATE TABLE todo (title text)");
            statement.execute("INSERT INTO todo VALUES ('Buy milk')");
        }

        // a redeploy, and then a restarted deployer with the same kept passwords
        databases(kept).ensure("todo-list");
        ProductDatabases.Grant again = databases(kept).ensure("todo-list");

        assertThat(first.database()).isEqualTo("product_todo_list");
        assertThat(first.role()).isEqualTo("product_todo_list");
        assertThat(again).isEqualTo(first);
        assertThat(first.password()).hasSizeGreaterThanOrEqualTo(32);
        try (Connection product = login(again);
                Statement statement = product.createStatement();
                ResultSet rows = statement.executeQuery("SELECT title FROM todo")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("Buy milk");
        }
    }

    @Test
    void oneProductsRoleCannotConnectToAnothersDatabase() throws Exception {
        ProductDatabases databases = databases(new InMemoryProductPasswords());
        ProductDatabases.Grant mine = databases.ensure("mine");
        ProductDatabases.Grant theirs = databases.ensure("theirs");

        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(theirs.database()), mine.role(),
                mine.password()).close()).isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
    }

    @Test
    void concurrentFirstDeploysOfDifferentSpecsEachGetTheirOwn() throws Exception {
        ProductDatabases databases = databases(new InMemoryProductPasswords());
        List<Callable<ProductDatabases.Grant>> deploys = IntStream
                .range(0, 6).<Callable<ProductDatabases.Grant>>mapToObj(i -> () -> databases.ensure("spec-" + i))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(deploys.size());
        try {
            for (Future<ProductDatabases.Grant> made : pool.invokeAll(deploys)) {
                try (Connection product = login(made.get())) {
                    assertThat(product.isValid(2)).isTrue();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void namesComeOnlyFromSpecNames() {
        assertThat(ProductDatabases.nameOf("a1-b2")).isEqualTo("product_a1_b2");
        for (String hostile : List.of("x\"; DROP DATABASE postgres; --", "Todo", "-todo", "todo-", "", "a_b")) {
            assertThatThrownBy(() -> ProductDatabases.nameOf(hostile)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ProductDatabases.quoted("we\"ird")).isEqualTo("\"we\"\"ird\"");
    }

    private static ProductDatabases databases(ProductPasswords passwords) {
        return new ProductDatabases(new ProductDatabases.Admin(postgres.jdbcUrl("postgres"), postgres.username(),
                postgres.password()), passwords);
    }

    private static Connection login(ProductDatabases.Grant grant) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(grant.database()), grant.role(), grant.password());
    }
}
