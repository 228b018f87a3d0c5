package dev.gigafactory.deployer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigafactory.contracts.spec.Slo;
import dev.gigafactory.deployer.domain.DeploymentFailedException;
import dev.gigafactory.deployer.domain.Release;
import dev.gigafactory.deployer.repository.InMemoryDeploymentStore;
import dev.gigafactory.deployer.testing.FakeKubelet;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A quarkus product's database on a cluster through CloudNativePG, against the fabric8 mock API server (CRUD). */
class KubernetesDatabasesTest {

    private KubernetesMockServer server;
    private KubernetesClient client;
    private KubernetesTarget target;
    private FakeKubelet kubelet;

    @BeforeEach
    void start() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        client = server.createClient();
        kubelet = new FakeKubelet(client, "factory");
        target = new KubernetesTarget(client, new ProductRegistry(new InMemoryDeploymentStore()),
                new KubernetesTarget.Settings("factory", Optional.of("http://artifacts.factory.svc:8080"),
                        "eclipse-temurin:17-jre", Duration.ofSeconds(60), Optional.empty(), "gigafactory-db"));
    }

    @AfterEach
    void stop() {
        kubelet.close();
        client.close();
        server.destroy();
    }

    @Test
    void aQuarkusProductGetsItsDatabaseRoleAndSecretAndARedeployKeepsThemAsTheyWere() throws Exception {
        cluster();

        target.deploy(release(1, "1", "quarkus"));
        Secret secret = secret();
        GenericKubernetesResource database = database();
        target.deploy(release(2, "2", "quarkus"));
        target.stop("todo");

        assertThat(secret.getType()).isEqualTo("kubernetes.io/basic-auth");
        assertThat(secret.getData()).containsKeys("username", "password");
        assertThat(secret.getMetadata().getOwnerReferences()).isEmpty();
        assertThat(secret().getData()).as("the password is generated once").isEqualTo(secret.getData());
        assertThat(database.getAdditionalProperties().get("spec")).isEqualTo(Map.of("name", "product_todo", "owner",
                "product_todo", "cluster", Map.of("name", "gigafactory-db"), "databaseReclaimPolicy", "retain"));
        assertThat(database().getMetadata().getUid()).as("kept, not made again").isEqualTo(database.getMetadata()
                .getUid());
        assertThat(roles()).containsExactly(Map.of("name", "product_todo", "ensure", "present", "login", true,
                "passwordSecret", Map.of("name", "todo-database")));
    }

    @Test
    void theProductsContainerFindsItsDatabaseAtTheClustersPrimaryWithTheSecretsCredentials() throws Exception {
        cluster();

        target.deploy(release(1, "1", "quarkus"));

        Map<String, EnvVar> env = client.apps().deployments().inNamespace("factory").withName("todo-v1").get()
                .getSpec().getTemplate().getSpec().getContainers().stream().filter(c -> c.getName().equals("product"))
                .findFirst().orElseThrow().getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
        assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL").getValue())
                .isEqualTo("jdbc:postgresql://gigafactory-db-rw.factory.svc:5432/product_todo");
        assertThat(env.get("QUARKUS_DATASOURCE_USERNAME").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("todo-database");
        assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef().getKey())
                .isEqualTo("password");
        assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD").getValue()).isNull();
    }

    @Test
    void aQuarkusReleaseWithoutTheClusterFailsNamingItAndAJdkHttpOneNeedsNone() throws Exception {
        assertThatThrownBy(() -> target.deploy(release(1, "1", "quarkus")))
                .isInstanceOf(DeploymentFailedException.class).hasMessageContaining("gigafactory-db");

        target.deploy(release(1, "1", "jdk-http"));

        assertThat(client.secrets().inNamespace("factory").list().getItems()).isEmpty();
        assertThat(client.genericKubernetesResources(ClusterDatabases.DATABASES).inNamespace("factory").list()
                .getItems()).isEmpty();
    }

    private void cluster() {
        client.genericKubernetesResources(ClusterDatabases.CLUSTERS).inNamespace("factory")
                .resource(new GenericKubernetesResourceBuilder().withApiVersion("postgresql.cnpg.io/v1")
                        .withKind("Cluster").withNewMetadata().withName("gigafactory-db").endMetadata()
                        .addToAdditionalProperties("spec", Map.of("instances", 1)).build())
                .create();
    }

    private Secret secret() {
        return client.secrets().inNamespace("factory").withName("todo-database").get();
    }

    private GenericKubernetesResource database() {
        return client.genericKubernetesResources(ClusterDatabases.DATABASES).inNamespace("factory")
                .withName("todo-database").get();
    }

    @SuppressWarnings("unchecked")
    private List<Object> roles() {
        GenericKubernetesResource cluster = client.genericKubernetesResources(ClusterDatabases.CLUSTERS)
                .inNamespace("factory").withName("gigafactory-db").get();
        Map<String, Object> spec = (Map<String, Object>) cluster.getAdditionalProperties().get("spec");
        return (List<Object>) ((Map<String, Object>) spec.get("managed")).get("roles");
    }

    private static Release release(int version, String digit, String stack) {
        return new Release("todo", version, 1, "sha256:" + digit.repeat(64), Slo.DEFAULT, stack);
    }
}
