package dev.gigafactory.deployer.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.contracts.spec.Slo;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.DeploymentRecord;
import dev.gigafactory.deployer.domain.DeploymentState;
import dev.gigafactory.deployer.domain.Release;
import dev.gigafactory.deployer.proxy.StableProxies;
import dev.gigafactory.deployer.service.LocalProcessTarget;
import dev.gigafactory.deployer.service.ProcessProbe;
import dev.gigafactory.deployer.service.ProductRegistry;
import dev.gigafactory.deployer.testing.Confined;
import dev.gigafactory.deployer.testing.Http;
import dev.gigafactory.deployer.testing.Http.Answer;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import dev.gigafactory.sandbox.Sandbox;
import dev.gigafactory.testsupport.FixtureProducts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The deployments table as a restarted deployer reads it: a second registry and target over the same database. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class DatabaseDeploymentStoreTest {

    @Inject
    DatabaseDeploymentStore store;
    @Inject
    ArtifactStore artifacts;
    private static final Vertx VERTX = Vertx.vertx();

    @Test
    void everyStartIsARowAndARestartedDeployerReadoptsFromThemWithoutStartingTwice() throws Exception {
        String spec = "db-" + UUID.randomUUID().toString().substring(0, 8);
        LocalProcessTarget before = target(new ProductRegistry(store));
        Deployment one = before.deploy(release(spec, 1, "one"));
        Deployment two = before.deploy(release(spec, 2, "two"));
        before.close();
        try {
            List<DeploymentRecord> rows = store.history(spec);
            assertThat(rows).extracting(r -> r.deployment().version()).containsExactly(1, 2);
            DeploymentRecord replaced = rows.get(0);
            assertThat(replaced.state()).isEqualTo(DeploymentState.REPLACED);
            assertThat(replaced.stoppedAt()).isAfterOrEqualTo(replaced.startedAt());
            assertThat(replaced.deployment().pid()).isNull();
            assertThat(replaced.deployment().port()).isEqualTo(one.port());
            DeploymentRecord serving = rows.get(1);
            assertThat(serving.state()).isEqualTo(DeploymentState.SERVING);
            assertThat(serving.cause()).isEqualTo("deploy");
            assertThat(serving.deployment()).isEqualTo(two);
            assertThat(serving.stoppedAt()).isNull();

            ProductRegistry reborn = new ProductRegistry(store);
            LocalProcessTarget after = target(reborn);
            after.readopt();
            try {
                assertThat(reborn.current(spec)).contains(two);
                assertThat(reborn.previous(spec).orElseThrow().version()).isEqualTo(1);
                assertThat(Http.get(two.url() + "/label")).contains(new Answer(200, "two"));
                assertThat(store.history(spec)).hasSize(2);
            } finally {
                after.stop(spec);
                after.close();
            }
        } finally {
            ProcessHandle.of(two.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
        assertThat(store.history(spec).get(1).state()).isEqualTo(DeploymentState.STOPPED);
    }

    @Test
    void handledIncidentsAreRows() {
        String incident = UUID.randomUUID().toString();
        assertThat(store.isHandled(incident)).isFalse();
        store.markHandled(incident);
        store.markHandled(incident);
        assertThat(store.isHandled(incident)).isTrue();
    }

    @Test
    void aRetirementIsARowThatOnlyEverCoversMore() {
        String spec = "db-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(store.retiredThrough(spec)).isEmpty();

        store.retire(spec, 2, "uid-1", Instant.now());
        store.retire(spec, 2, "uid-1", Instant.now());
        store.retire(spec, 1, "uid-2", Instant.now());
        assertThat(store.retiredThrough(spec)).hasValue(2);

        store.retire(spec, 5, "uid-3", Instant.now());
        assertThat(store.retiredThrough(spec)).hasValue(5);
        assertThat(store.retirements()).containsEntry(spec, 5);
    }

    private Release release(String spec, int version, String label) {
        return new Release(spec, version, 1, artifacts.put(FixtureProducts.jar(label)), Slo.DEFAULT);
    }

    private LocalProcessTarget target(ProductRegistry registry) {
        return new LocalProcessTarget(artifacts, registry, ProcessProbe.system(), new StableProxies(VERTX),
                Confined.settings(Path.of("target/test-work-db").toAbsolutePath(), Sandbox.Mode.BWRAP));
    }
}
