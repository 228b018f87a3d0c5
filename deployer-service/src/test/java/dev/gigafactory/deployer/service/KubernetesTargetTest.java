package dev.gigafactory.deployer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigafactory.contracts.spec.Slo;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.DeploymentFailedException;
import dev.gigafactory.deployer.domain.Release;
import dev.gigafactory.deployer.repository.InMemoryDeploymentStore;
import dev.gigafactory.deployer.testing.FakeKubelet;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the fabric8 mock API server in CRUD mode (plus a stand-in kubelet): what a cluster would store. */
class KubernetesTargetTest {

    private KubernetesMockServer server;
    private KubernetesClient client;
    private ProductRegistry registry;
    private KubernetesTarget target;
    private FakeKubelet kubelet;

    @BeforeEach
    void start() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        client = server.createClient();
        kubelet = new FakeKubelet(client, "factory");
        registry = new ProductRegistry(new InMemoryDeploymentStore());
        // a loaded machine may take seconds to deliver the stand-in kubelet's status; a healthy version waits for it
        target = targetWaiting(Duration.ofSeconds(60));
    }

    private KubernetesTarget targetWaiting(Duration readiness) {
        return new KubernetesTarget(client, registry, new KubernetesTarget.Settings("factory",
                Optional.of("http://artifacts.factory.svc:8080"), "eclipse-temurin:17-jre", readiness,
                Optional.of("apps.example.org")));
    }

    @AfterEach
    void stop() {
        kubelet.close();
        client.close();
        server.destroy();
    }

    @Test
    void aNewVersionServesOnlyOnceReadyAndTheOldOneIsThenRemoved() throws Exception {
        Deployment one = target.deploy(release(1, "1"));
        Deployment two = target.deploy(release(2, "2"));

        assertThat(workloads()).containsExactly("todo-v2");
        assertThat(selectedVersion()).isEqualTo("2");
        assertThat(client.configMaps().inNamespace("factory").withName("todo-v2").get().getData())
                .containsEntry("ARTIFACT_SHA256", "2".repeat(64));
        assertThat(client.configMaps().inNamespace("factory").withName("todo-v1").get()).isNull();
        assertThat(two.url()).isEqualTo(one.url()).isEqualTo("http://todo.factory.svc.cluster.local");
        assertThat(client.network().v1().ingresses().inNamespace("factory").withName("todo").get().getSpec()
                .getRules().get(0).getHost()).isEqualTo("todo.apps.example.org");
        assertThat(registry.previous("todo").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void aVersionThatNeverBecomesReadyIsRemovedAndTheOldOneKeepsServing() throws Exception {
        target.deploy(release(1, "1"));
        kubelet.breaks("sha256:" + "b".repeat(64));
        KubernetesTarget impatient = targetWaiting(Duration.ofSeconds(2));

        assertThatThrownBy(() -> impatient.deploy(release(2, "b"))).isInstanceOf(DeploymentFailedException.class)
                .hasMessageContaining("not ready");

        assertThat(workloads()).containsExactly("todo-v1");
        assertThat(selectedVersion()).isEqualTo("1");
    }

    @Test
    void rollsBackBySwitchingToThePreviousVersionAndStopsByDeletingEverything() throws Exception {
        target.deploy(release(1, "1"));
        target.deploy(release(2, "2"));

        Deployment restored = target.rollback("todo", "rollback/i-1").orElseThrow();

        assertThat(restored.version()).isEqualTo(1);
        assertThat(workloads()).containsExactly("todo-v1");
        assertThat(selectedVersion()).isEqualTo("1");

        target.stop("todo");
        assertThat(workloads()).isEmpty();
        assertThat(client.services().inNamespace("factory").withName("todo").get()).isNull();
        assertThat(client.network().v1().ingresses().inNamespace("factory").withName("todo").get()).isNull();
        assertThat(client.configMaps().inNamespace("factory").list().getItems()).isEmpty();
    }

    @Test
    void everyObjectIsOwnedByTheSpecsServiceSpecWhenThereIsOne() throws Exception {
        ResourceDefinitionContext specs = new ResourceDefinitionContext.Builder().withGroup("gigafactory.dev")
                .withVersion("v1alpha1").withKind("ServiceSpec").withPlural("servicespecs").withNamespaced(true)
                .build();
        GenericKubernetesResource spec = client.genericKubernetesResources(specs).inNamespace("factory")
                .resource(new GenericKubernetesResourceBuilder().withApiVersion("gigafactory.dev/v1alpha1")
                        .withKind("ServiceSpec").withMetadata(new ObjectMeta()).editMetadata().withName("todo")
                        .endMetadata().build())
                .create();

        target.deploy(release(1, "1"));

        var deployment = client.apps().deployments().inNamespace("factory").withName("todo-v1").get();
        assertThat(deployment.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(owner -> assertThat(owner.getUid()).isEqualTo(spec.getMetadata().getUid()));
        assertThat(client.services().inNamespace("factory").withName("todo").get().getMetadata()
                .getOwnerReferences()).hasSize(1);
    }

    private List<String> workloads() {
        return client.apps().deployments().inNamespace("factory").list().getItems().stream()
                .map(d -> d.getMetadata().getName()).sorted().toList();
    }

    private String selectedVersion() {
        Map<String, String> selector = client.services().inNamespace("factory").withName("todo").get().getSpec()
                .getSelector();
        return selector.get(KubernetesManifests.VERSION_LABEL);
    }

    private static Release release(int version, String digit) {
        return new Release("todo", version, 1, "sha256:" + digit.repeat(64), Slo.DEFAULT);
    }
}
