package dev.gigafactory.tester.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanCreated.PlanKind;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.spec.ServiceDefinition;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.devstack.postgres.EmbeddedDatabase;
import dev.gigafactory.stacks.spi.ProductStack;
import dev.gigafactory.stacks.spi.ProductStacks;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gate on a quarkus product (the example specs on that stack) as the quarkus stack writes it: built offline with Maven in bubblewrap, its own tests
 * and then the built jar against a throw-away database of an embedded PostgreSQL, the spec's acceptance cases and the
 * robustness suite run as for jdk-http.
 */
class QuarkusGateIT {

    private static EmbeddedDatabase database;

    @TempDir
    Path root;

    @BeforeAll
    static void startDatabase() {
        database = EmbeddedDatabase.start();
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"todo.yaml", "library.yaml", "inventory.yaml"})
    void passesAnExampleWithEveryAcceptanceAndRobustnessCaseAndDropsItsDatabase(String example) throws SQLException {
        LocalArtifactStore store = new LocalArtifactStore(root.resolve("artifacts"));
        ServiceSpec spec = onQuarkus(ExampleSpecs.example(example));
        long started = System.nanoTime();

        TestsCompleted verdict = gate(store, true).test(code(store, written(spec), spec));

        System.out.println("the quarkus " + example + " gate took " + (System.nanoTime() - started) / 1_000_000
                + " ms");
        assertThat(verdict.passed()).as(verdict.failure() + "\n" + verdict.logExcerpt()).isTrue();
        assertThat(verdict.cases()).extracting(CaseResult::name).startsWith(ProductBuild.UNIT_TESTS_CASE,
                spec.spec().acceptance().get(0).name());
        assertThat(verdict.cases()).hasSizeGreaterThan(1 + spec.spec().acceptance().size())
                .allMatch(CaseResult::passed);
        assertThat(store.contains(verdict.artifactDigest())).isTrue();
        assertThat(gateDatabases()).as("the run's database and role are dropped").isZero();
    }

    @Test
    void failsAProductWhoseOwnTestFailsNamingTheTest() throws SQLException {
        LocalArtifactStore store = new LocalArtifactStore(root.resolve("artifacts"));
        Map<String, byte[]> files = written(todo());
        files.put("src/test/java/DeliberatelyFailingTest.java", """
                class DeliberatelyFailingTest {
                    @org.junit.jupiter.api.Test
                    void countsWrong() {
                        org.junit.jupiter.api.Assertions.assertEquals(2, 1 + 2);
                    }
                }
                """.getBytes(StandardCharsets.UTF_8));

        TestsCompleted verdict = gate(store, true).test(code(store, files, todo()));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.artifactDigest()).isNull();
        assertThat(verdict.failure()).contains("the product's own tests failed")
                .contains("DeliberatelyFailingTest.countsWrong");
        assertThat(verdict.cases()).extracting(CaseResult::name, CaseResult::passed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ProductBuild.UNIT_TESTS_CASE, false));
        assertThat(verdict.logExcerpt()).contains("DeliberatelyFailingTest");
        assertThat(gateDatabases()).isZero();
    }

    @Test
    void aTesterWithoutADatabaseCannotRunAQuarkusProductAndTheRecordWaits() {
        LocalArtifactStore store = new LocalArtifactStore(root.resolve("artifacts"));
        CodeGenerated code = code(store, written(todo()), todo());
        ReleaseGate gate = gate(store, false);

        assertThatThrownBy(() -> gate.test(code)).isInstanceOf(GateUnavailableException.class)
                .hasMessageContaining("the tester has no database for quarkus products");
    }

    private ReleaseGate gate(LocalArtifactStore store, boolean withDatabase) {
        GateSettings settings = GateSettings.defaults(root.resolve("work")).withRunTimeout(Duration.ofMinutes(10))
                .withStartTimeout(Duration.ofSeconds(60));
        Optional<GateDatabase.Admin> admin = withDatabase
                ? Optional.of(new GateDatabase.Admin(database.jdbcUrl("postgres"), database.username(),
                        database.password()))
                : Optional.empty();
        return new ReleaseGate(store, settings, admin);
    }

    private static ServiceSpec todo() {
        return onQuarkus(ExampleSpecs.example("todo.yaml"));
    }

    private static ServiceSpec onQuarkus(ServiceSpec spec) {
        ServiceDefinition definition = spec.spec();
        return new ServiceSpec(spec.apiVersion(), spec.kind(), spec.metadata(), new ServiceDefinition(
                definition.description(), "quarkus", definition.requirements(), definition.entities(),
                definition.acceptance(), definition.slo(), definition.replicas()));
    }

    private static Map<String, byte[]> written(ServiceSpec spec) {
        ProductStack stack = ProductStacks.of(spec);
        PlanCreated plan = new PlanCreated(spec.name(), 1, 1, PlanKind.INITIAL, spec, PlanTask.every(spec), List.of(),
                "test", null, null);
        return new TreeMap<>(stack.write(plan, stack.model(spec, 1), null).tree().files());
    }

    private static CodeGenerated code(LocalArtifactStore store, Map<String, byte[]> files, ServiceSpec spec) {
        String digest = store.put(new SourceTree(files).pack());
        return new CodeGenerated(spec.name(), 1, 1, "quarkus", "fixture", digest, 0, spec);
    }

    private static int gateDatabases() throws SQLException {
        try (Connection connection = database.endpoint().connect("postgres");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT (SELECT count(*) FROM pg_database WHERE datname LIKE "
                        + "'gate\\_%') + (SELECT count(*) FROM pg_roles WHERE rolname LIKE 'gate\\_%')")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
