package dev.gigafactory.deployer.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.DeploymentRecord;
import dev.gigafactory.deployer.domain.DeploymentRow;
import dev.gigafactory.deployer.domain.DeploymentState;
import dev.gigafactory.deployer.domain.Release;
import dev.gigafactory.deployer.proxy.StableProxies;
import dev.gigafactory.deployer.repository.InMemoryDeploymentStore;
import dev.gigafactory.deployer.testing.Confined;
import dev.gigafactory.deployer.testing.Http;
import dev.gigafactory.deployer.testing.Http.Answer;
import dev.gigafactory.deployer.testing.Verdicts;
import dev.gigafactory.sandbox.Sandbox;
import dev.gigafactory.testsupport.ExampleSpecs;
import dev.gigafactory.testsupport.FixtureProducts;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack a release was built on, carried from the verdict to the store, and a deployer with no products' database. */
class QuarkusReleaseTest {

    private static Vertx vertx;

    @TempDir
    Path dir;

    private LocalProcessTarget target;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close();
    }

    @AfterEach
    void stopProducts() {
        if (target != null) {
            target.stop("todo");
            target.stop("notes");
            target.close();
        }
    }

    @Test
    void theStackComesFromTheVerdictsDocumentAndSurvivesTheStore() {
        Release quarkus = Release.of(Verdicts.passed("todo", 1, "sha256:" + "1".repeat(64), quarkusTodo()));
        Release unsaid = Release.of(Verdicts.passed("todo", 1, 1, "sha256:" + "1".repeat(64)));

        Deployment running = new Deployment("todo", 1, 1, quarkus.artifactDigest(), quarkus.slo(), 7L, 8080, null,
                quarkus.stack());
        DeploymentRecord stored = DeploymentRow.of(new DeploymentRecord("id", running, DeploymentState.SERVING,
                "deploy", null, Instant.now(), null), 80).toRecord();

        assertThat(quarkus.stack()).isEqualTo("quarkus");
        assertThat(quarkus.needsDatabase()).isTrue();
        assertThat(unsaid.stack()).isEqualTo("jdk-http");
        assertThat(unsaid.needsDatabase()).isFalse();
        assertThat(stored.deployment().release()).isEqualTo(quarkus);
    }

    @Test
    void aDeployerWithoutTheProductsDatabaseFailsAQuarkusReleaseNamingTheSettingsAndStillDeploysJdkHttp() {
        LocalArtifactStore artifacts = new LocalArtifactStore(dir.resolve("artifacts"));
        ProductRegistry registry = new ProductRegistry(new InMemoryDeploymentStore());
        target = new LocalProcessTarget(artifacts, registry, ProcessProbe.system(), new StableProxies(vertx),
                Confined.settings(dir.resolve("work"), Sandbox.Mode.NONE));
        Deployer deployer = new Deployer(target, registry);

        DeploymentCompleted quarkus = deployer.onTestsCompleted(Verdicts.passed("todo", 1,
                artifacts.put(FixtureProducts.jar("quarkus-stand-in")), quarkusTodo())).orElseThrow();
        DeploymentCompleted jdkHttp = deployer.onTestsCompleted(Verdicts.passed("notes", 1, 1,
                artifacts.put(FixtureProducts.jar("notes")))).orElseThrow();

        assertThat(quarkus.succeeded()).isFalse();
        assertThat(quarkus.detail()).contains("deployer.products-database.url")
                .contains("DEPLOYER_PRODUCTS_DATABASE_URL");
        assertThat(target.status("todo")).isEmpty();
        assertThat(jdkHttp.succeeded()).as(jdkHttp.detail()).isTrue();
        assertThat(Http.get(jdkHttp.url() + "/label")).contains(new Answer(200, "notes"));
    }

    static ServiceSpec quarkusTodo() {
        return ExampleSpecs.parse(ExampleSpecs.text("todo.yaml").replace("stack: jdk-http", "stack: quarkus"));
    }
}
