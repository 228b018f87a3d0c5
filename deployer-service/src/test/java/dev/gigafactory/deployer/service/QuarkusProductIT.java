package dev.gigafactory.deployer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import dev.gigafactory.contracts.spec.Slo;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.Release;
import dev.gigafactory.deployer.proxy.StableProxies;
import dev.gigafactory.deployer.repository.DeploymentStore;
import dev.gigafactory.deployer.repository.InMemoryDeploymentStore;
import dev.gigafactory.deployer.repository.InMemoryProductPasswords;
import dev.gigafactory.deployer.repository.ProductPasswords;
import dev.gigafactory.deployer.testing.Confined;
import dev.gigafactory.deployer.testing.QuarkusTodo;
import dev.gigafactory.devstack.postgres.EmbeddedDatabase;
import dev.gigafactory.sandbox.Sandbox;
import dev.gigafactory.testsupport.ProductClient;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real quarkus product (the todo example, built once by the quarkus stack's templates) deployed in the deployer's
 * sandbox with its own database in a real PostgreSQL, reached only through the jail's database relay: its rows outlive
 * a new version, a restart, a new deployer and the product's stop.
 */
class QuarkusProductIT {

    private static final String SPEC = "todo";

    private static Vertx vertx;
    private static EmbeddedDatabase postgres;
    private static Path jar;

    @TempDir
    Path dir;

    private final DeploymentStore store = new InMemoryDeploymentStore();
    private final ProductPasswords passwords = new InMemoryProductPasswords();
    private final List<LocalProcessTarget> targets = new ArrayList<>();
    private LocalArtifactStore artifacts;

    @BeforeAll
    static void buildAndStart() throws Exception {
        jar = QuarkusTodo.jar(Path.of("target", "quarkus-todo").toAbsolutePath()).orElse(null);
        assumeTrue(jar != null, "no build sandbox or Maven here to build the quarkus product with");
        assumeTrue(Sandbox.of(Sandbox.Mode.BWRAP, Sandbox.Limits.defaults(), Files.createTempDirectory("probe"))
                .unavailable().isEmpty(), "no sandbox here");
        vertx = Vertx.vertx();
        postgres = EmbeddedDatabase.start();
    }

    @AfterAll
    static void stop() {
        if (vertx != null) {
            vertx.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @AfterEach
    void stopEverything() {
        ProductRegistry registry = new ProductRegistry(store);
        LocalProcessTarget last = target(registry);
        registry.load().forEach(spec -> last.stop(spec.spec()));
        targets.forEach(LocalProcessTarget::close);
    }

    @Test
    void aQuarkusProductKeepsItsRowsAcrossANewVersionARestartANewDeployerAndItsStop() throws Exception {
        artifacts = new LocalArtifactStore(dir.resolve("artifacts"));
        LocalProcessTarget first = target(new ProductRegistry(store));

        Deployment one = first.deploy(release(1));
        ProductClient.Answer created = new ProductClient(one.url()).post("/todos", "{\"title\":\"Buy milk\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        String todo = "/todos/" + id;
        assertThat(ProcessHandle.of(one.pid()).flatMap(p -> p.info().commandLine()).orElse(""))
                .as("the product's command line, which any user may read").doesNotContain("PASSWORD", "password=");

        Deployment two = first.deploy(release(2));
        assertThat(title(two, todo)).isEqualTo("Buy milk");

        Deployment restarted = first.restart(SPEC, "a test restarts it");
        assertThat(restarted.pid()).isNotEqualTo(two.pid());
        assertThat(title(restarted, todo)).isEqualTo("Buy milk");

        first.close();
        LocalProcessTarget second = target(new ProductRegistry(store));
        second.readopt();
        // the product's pooled connections went with the old deployer's relay: the pool replaces them itself
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(title(restarted, todo))
                .isEqualTo("Buy milk"));
        assertThat(new ProductClient(restarted.url()).get("/todos").json()).hasSize(1);

        second.stop(SPEC);

        assertThat(count("postgres", "SELECT count(*) FROM pg_database WHERE datname = 'product_todo'")).isOne();
        assertThat(count("postgres", "SELECT count(*) FROM pg_roles WHERE rolname = 'product_todo'")).isOne();
        assertThat(count("product_todo", "SELECT count(*) FROM flyway_schema_history WHERE success")).isPositive();
    }

    @Test
    void unconfinedWhenAskedForItReachesItsDatabaseAtTheRealAddress() throws Exception {
        artifacts = new LocalArtifactStore(dir.resolve("artifacts"));
        LocalProcessTarget unconfined = target(new ProductRegistry(store), Sandbox.Mode.NONE);

        Deployment deployed = unconfined.deploy(new Release("notes", 1, 1, artifacts.put(Files.readAllBytes(jar)),
                Slo.DEFAULT, "quarkus"));

        ProductClient.Answer created = new ProductClient(deployed.url()).post("/todos", "{\"title\":\"Call mum\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(count("product_notes", "SELECT count(*) FROM flyway_schema_history WHERE success")).isPositive();
    }

    private static String title(Deployment deployment, String path) {
        ProductClient.Answer answer = new ProductClient(deployment.url()).get(path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("title").asText();
    }

    private static int count(String database, String query) throws SQLException {
        try (Connection connection = postgres.endpoint().connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private Release release(int version) throws Exception {
        return new Release(SPEC, version, 1, artifacts.put(Files.readAllBytes(jar)), Slo.DEFAULT, "quarkus");
    }

    private LocalProcessTarget target(ProductRegistry registry) {
        return target(registry, Sandbox.Mode.BWRAP);
    }

    private LocalProcessTarget target(ProductRegistry registry, Sandbox.Mode mode) {
        ProductDatabases databases = new ProductDatabases(new ProductDatabases.Admin(postgres.jdbcUrl("postgres"),
                postgres.username(), postgres.password()), passwords);
        LocalProcessTarget target = new LocalProcessTarget(artifacts, registry, ProcessProbe.system(),
                new StableProxies(vertx), Confined.settings(dir.resolve("work"), mode,
                        Duration.ofSeconds(60)),
                Optional.of(databases), exit -> {
                });
        targets.add(target);
        return target;
    }
}
