package dev.gigafactory.deployer.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.spec.Slo;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.Release;
import dev.gigafactory.deployer.repository.InMemoryDeploymentStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.HashMap;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the fabric8 mock API server in CRUD mode: what is applied is what a cluster would store. */
class KubernetesTargetTest {

    private KubernetesMockServer server;
    private KubernetesClient client;
    private ProductRegistry registry;
    private KubernetesTarget target;

    @BeforeEach
    void start() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        client = server.createClient();
        registry = new ProductRegistry(new InMemoryDeploymentStore());
        target = new KubernetesTarget(client, registry, new KubernetesTarget.Settings("factory",
                Optional.of("http://artifacts.factory.svc:8080"), "eclipse-temurin:17-jre"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    @Test
    void appliesTheProductAndUpdatesItInPlaceForTheNextVersion() throws Exception {
        Deployment one = target.deploy(release(1, "1"));
        Deployment two = target.deploy(release(2, "2"));

        var deployment = client.apps().deployments().inNamespace("factory").withName("todo").get();
        assertThat(deployment.getMetadata().getLabels()).containsEntry("app.kubernetes.io/version", "2");
        assertThat(deployment.getMetadata().getAnnotations())
                .containsEntry(KubernetesManifests.DIGEST_ANNOTATION, "sha256:" + "2".repeat(64));
        assertThat(client.services().inNamespace("factory").withName("todo").get()).isNotNull();
        assertThat(client.configMaps().inNamespace("factory").withName("todo-product").get().getData())
                .containsEntry("ARTIFACT_SHA256", "2".repeat(64));
        assertThat(two.url()).isEqualTo(one.url()).isEqualTo("http://todo.factory.svc.cluster.local");
        assertThat(registry.previous("todo").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void rollsBackByApplyingThePreviousVersionAndStopsByDeleting() throws Exception {
        target.deploy(release(1, "1"));
        target.deploy(release(2, "2"));

        Deployment restored = target.rollback("todo", "rollback/i-1").orElseThrow();

        assertThat(restored.version()).isEqualTo(1);
        assertThat(client.apps().deployments().inNamespace("factory").withName("todo").get().getMetadata()
                .getLabels()).containsEntry("app.kubernetes.io/version", "1");

        target.stop("todo");
        assertThat(client.apps().deployments().inNamespace("factory").withName("todo").get()).isNull();
        assertThat(client.services().inNamespace("factory").withName("todo").get()).isNull();
        assertThat(client.configMaps().inNamespace("factory").withName("todo-product").get()).isNull();
    }

    private static Release release(int version, String digit) {
        return new Release("todo", version, 1, "sha256:" + digit.repeat(64), Slo.DEFAULT);
    }
}
