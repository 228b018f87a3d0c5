package dev.gigafactory.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gigafactory.contracts.product.ProductJar;
import dev.gigafactory.devstack.postgres.EmbeddedDatabase;
import dev.gigafactory.stacks.jdkhttp.ProductModels;
import dev.gigafactory.stacks.quarkus.QuarkusProduct;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated quarkus product built offline in a jail, as the gate will build it: against the factory's repository
 * only, its own tests run against a throw-away database reached through the jail's database relay.
 */
class SandboxedMavenTest {

    private static final int DATABASE_PORT = 5432;

    @TempDir
    Path dir;

    private Sandbox sandbox;
    private SandboxedMaven maven;

    @BeforeEach
    void sandbox() {
        sandbox = Sandbox.of(Sandbox.Mode.BWRAP, Sandbox.Limits.forBuild(), dir.resolve("state"));
        assumeTrue(sandbox.unavailable().isEmpty(), () -> "no sandbox here: " + sandbox.unavailable().orElseThrow());
        maven = SandboxedMaven.ofUserHome(Path.of(System.getProperty("user.home"))).orElse(null);
        assumeTrue(maven != null, "no Maven wrapper distribution and repository under ~/.m2");
    }

    @Test
    void theTodoProductBuildsOfflineAndItsTestsPassAgainstADatabaseThroughTheRelay() throws Exception {
        Path project = writeTodo();
        Path build = Files.createDirectories(dir.resolve("build"));
        Path relay = Files.createDirectories(dir.resolve("relay"));
        try (EmbeddedDatabase database = EmbeddedDatabase.start();
                DatabaseBridge bridge = DatabaseBridge.open(relay,
                        new InetSocketAddress("127.0.0.1", database.port()))) {
            database.createDatabase("todo_gate");
            Map<String, String> environment = new HashMap<>(SandboxedMaven.environment(sandbox.limits()));
            environment.put("QUARKUS_DATASOURCE_JDBC_URL",
                    "jdbc:postgresql://127.0.0.1:" + DATABASE_PORT + "/todo_gate");
            environment.put("QUARKUS_DATASOURCE_USERNAME", database.username());
            environment.put("QUARKUS_DATASOURCE_PASSWORD", database.password());

            JailRun run = JailRun.run(sandbox.wrap(maven.jail(project, build).reachingDatabase(relay, DATABASE_PORT),
                    maven.command(project, build, List.of("verify"))), environment, Duration.ofMinutes(10));

            assertThat(run.exit()).as(run.output()).isZero();
            assertThat(run.output()).contains("Tests run:").contains("BUILD SUCCESS");
            assertThat(build.resolve("target/product-runner.jar")).isRegularFile();
            assertThat(migrationsApplied(database)).as("Flyway's history in the throw-away database").isPositive();
            System.out.println("the todo product's offline build with its tests took " + run.took().toSeconds() + " s");

            assertThat(healthOfBuiltProduct(build, relay, environment)).isEqualTo(200);
        }
    }

    @Test
    void aPomAskingForAnArtifactTheRepositoryLacksFailsAtOnceNamingIt() throws Exception {
        Path project = writeTodo();
        Path pom = project.resolve("pom.xml");
        String text = Files.readString(pom);
        // the project's own dependencies, after the BOM's section
        int dependencies = text.indexOf("<dependencies>", text.indexOf("</dependencyManagement>"));
        Files.writeString(pom, text.substring(0, dependencies) + """
                <dependencies>
                    <dependency>
                      <groupId>dev.gigafactory.absent</groupId>
                      <artifactId>nowhere-to-be-found</artifactId>
                      <version>9.9.9</version>
                    </dependency>""" + text.substring(dependencies + "<dependencies>".length()));
        Path build = Files.createDirectories(dir.resolve("build"));

        JailRun run = JailRun.run(sandbox.wrap(maven.jail(project, build), maven.command(project, build,
                List.of("verify"))), SandboxedMaven.environment(sandbox.limits()), Duration.ofMinutes(2));

        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("dev.gigafactory.absent:nowhere-to-be-found").contains("offline");
        assertThat(run.took()).isLessThan(Duration.ofSeconds(60));
        System.out.println("the build asking for an absent artifact failed after " + run.took().toMillis() + " ms");
    }

    /**
     * Runs the built jar in a jail of its own, reachable through a {@link LoopbackBridge} and with the same database:
     * the status of its {@code /health} once it answers (-1 if it never did within the deadline).
     */
    private int healthOfBuiltProduct(Path build, Path relay, Map<String, String> environment) throws Exception {
        Path jar = build.resolve("target/product-runner.jar");
        try (LoopbackBridge bridge = LoopbackBridge.open(Sandbox.relaySocket(relay))) {
            Sandbox.Jail jail = Sandbox.Jail.of(build).reachableOn(relay, bridge.port())
                    .reachingDatabase(relay, DATABASE_PORT);
            List<String> java = new ArrayList<>(List.of(Sandbox.javaCommand()));
            java.addAll(JvmBudget.within(Sandbox.Limits.defaults().memoryBytes()).productOptions());
            java.addAll(sandbox.productArguments(jail, jar, ProductJar.mainClass(jar)));
            ProcessBuilder builder = new ProcessBuilder(sandbox.wrap(jail, java)).redirectErrorStream(true)
                    .redirectOutput(build.resolve("product.log").toFile());
            builder.environment().clear();
            builder.environment().putAll(Map.of("PATH", "/usr/bin:/bin", "PORT", Integer.toString(bridge.port()),
                    "QUARKUS_DATASOURCE_JDBC_URL", environment.get("QUARKUS_DATASOURCE_JDBC_URL"),
                    "QUARKUS_DATASOURCE_USERNAME", environment.get("QUARKUS_DATASOURCE_USERNAME"),
                    "QUARKUS_DATASOURCE_PASSWORD", environment.get("QUARKUS_DATASOURCE_PASSWORD")));
            Process product = builder.start();
            try {
                return awaitHealth(bridge.port(), product);
            } finally {
                product.destroyForcibly().waitFor();
            }
        }
    }

    private static int awaitHealth(int port, Process product) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (product.isAlive() && System.nanoTime() < deadline) {
            try {
                return client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException notYet) {
                Thread.sleep(100); // polling until the product listens
            }
        }
        return -1;
    }

    private static int migrationsApplied(EmbeddedDatabase database) throws SQLException {
        try (Connection connection = database.endpoint().connect("todo_gate");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private Path writeTodo() throws IOException {
        Path project = dir.resolve("todo");
        QuarkusProduct.Tree tree = QuarkusProduct.write(ProductModels.from(ExampleSpecs.example("todo.yaml"), 1),
                List.of());
        assertThat(tree.problems()).isEmpty();
        for (Map.Entry<String, String> file : tree.files().entrySet()) {
            Path path = project.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return project;
    }
}
