package dev.gigafactory.deployer.service;

import dev.gigafactory.contracts.product.QuarkusManifest;
import dev.gigafactory.deployer.domain.DeploymentFailedException;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each quarkus product's own database on a cluster, through CloudNativePG: a role on the factory's {@code Cluster}
 * ({@code spec.managed.roles}, its password from a {@code kubernetes.io/basic-auth} Secret generated once and never
 * regenerated), a {@code Database} owned by that role with {@code databaseReclaimPolicy: retain}, and the product's
 * container given {@code QUARKUS_DATASOURCE_*} (the URL to the Cluster's {@code -rw} Service, the credentials from the
 * Secret). None of them is owned by the ServiceSpec nor removed when the product stops: the data outlives the product.
 */
final class ClusterDatabases {

    static final ResourceDefinitionContext DATABASES = cnpg("Database", "databases");
    static final ResourceDefinitionContext CLUSTERS = cnpg("Cluster", "clusters");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ATTEMPTS = 5;

    private final KubernetesClient client;
    private final String namespace;
    private final String cluster;

    ClusterDatabases(KubernetesClient client, String namespace, String cluster) {
        this.client = client;
        this.namespace = namespace;
        this.cluster = cluster;
    }

    static String secretName(String spec) {
        return spec + "-database";
    }

    /** The spec's role, Secret and Database in place (made once, kept), and the container told where to find them. */
    void provide(String spec, Deployment workload) throws DeploymentFailedException {
        String name = ProductDatabases.nameOf(spec);
        try {
            // the Cluster first: without it nothing is made, not even the Secret
            clusterOrFail();
            keepSecret(spec, name);
            addRole(name, secretName(spec));
            client.genericKubernetesResources(DATABASES).inNamespace(namespace).resource(database(spec, name))
                    .createOr(NonDeletingOperation::update);
        } catch (KubernetesClientException e) {
            throw new DeploymentFailedException("cannot provide the database of " + spec + " on the CloudNativePG"
                    + " Cluster " + cluster + ": " + e.getMessage(), "");
        }
        for (Container container : workload.getSpec().getTemplate().getSpec().getContainers()) {
            if (container.getName().equals("product")) {
                List<EnvVar> env = new ArrayList<>(container.getEnv());
                env.addAll(environment(spec, name));
                container.setEnv(env);
                // a Quarkus JVM with Hibernate and a pool needs more room than a jdk-http product's 256 MiB
                container.getResources().setLimits(with(container.getResources().getLimits(), "512Mi"));
                container.getResources().setRequests(with(container.getResources().getRequests(), "256Mi"));
            }
        }
    }

    private static Map<String, Quantity> with(Map<String, Quantity> resources, String memory) {
        Map<String, Quantity> more = new LinkedHashMap<>(resources);
        more.put("memory", new Quantity(memory));
        return more;
    }

    private List<EnvVar> environment(String spec, String name) {
        return List.of(
                new EnvVarBuilder().withName(QuarkusManifest.DATASOURCE_URL_ENV)
                        .withValue("jdbc:postgresql://" + cluster
                                + "-rw." + namespace + ".svc:5432/" + name)
                        .build(),
                fromSecret(QuarkusManifest.DATASOURCE_USERNAME_ENV, spec, "username"),
                fromSecret(QuarkusManifest.DATASOURCE_PASSWORD_ENV, spec, "password"));
    }

    private static EnvVar fromSecret(String variable, String spec, String key) {
        return new EnvVarBuilder().withName(variable).withNewValueFrom().withNewSecretKeyRef()
                .withName(secretName(spec))
                .withKey(key).endSecretKeyRef().endValueFrom().build();
    }

    // Created only when absent: a redeploy, a rollback or a new deployer keeps the password the role already has.
    private void keepSecret(String spec, String role) {
        if (client.secrets().inNamespace(namespace).withName(secretName(spec)).get() != null) {
            return;
        }
        Secret secret = new SecretBuilder().withNewMetadata().withName(secretName(spec)).withNamespace(namespace)
                .withLabels(labels(spec, Map.of("cnpg.io/reload", "true"))).endMetadata()
                .withType("kubernetes.io/basic-auth")
                .withData(Map.of("username", base64(role), "password", base64(HexFormat.of().formatHex(bytes(24)))))
                .build();
        try {
            client.secrets().inNamespace(namespace).resource(secret).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e; // a conflict: made meanwhile, and that one is kept
            }
        }
    }

    // The Cluster is shared by every product: read, add, replace with its resourceVersion, again on a conflict.
    @SuppressWarnings("unchecked")
    private void addRole(String role, String secret) throws DeploymentFailedException {
        for (int attempt = 1;; attempt++) {
            GenericKubernetesResource found = clusterOrFail();
            Map<String, Object> spec = (Map<String, Object>) found.getAdditionalProperties()
                    .computeIfAbsent("spec", key -> new LinkedHashMap<>());
            Map<String, Object> managed = (Map<String, Object>) spec.computeIfAbsent("managed",
                    key -> new LinkedHashMap<>());
            List<Map<String, Object>> roles = new ArrayList<>(
                    (List<Map<String, Object>>) managed.getOrDefault("roles", List.of()));
            if (roles.stream().anyMatch(known -> role.equals(known.get("name")))) {
                return;
            }
            roles.add(Map.of("name", role, "ensure", "present", "login", true, "passwordSecret",
                    Map.of("name", secret)));
            managed.put("roles", roles);
            try {
                client.genericKubernetesResources(CLUSTERS).inNamespace(namespace).resource(found).update();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private GenericKubernetesResource clusterOrFail() throws DeploymentFailedException {
        GenericKubernetesResource found = client.genericKubernetesResources(CLUSTERS).inNamespace(namespace)
                .withName(cluster).get();
        if (found == null) {
            throw new DeploymentFailedException("quarkus products get their databases on the CloudNativePG Cluster "
                    + cluster + ", and there is none in namespace " + namespace
                    + " (deployer.kubernetes.postgres-cluster names it)", "");
        }
        return found;
    }

    private GenericKubernetesResource database(String spec, String name) {
        return new GenericKubernetesResourceBuilder().withApiVersion("postgresql.cnpg.io/v1").withKind("Database")
                .withNewMetadata().withName(spec + "-database").withNamespace(namespace).withLabels(labels(spec,
                        Map.of()))
                .endMetadata()
                .addToAdditionalProperties("spec", Map.of("name", name, "owner", name, "cluster", Map.of("name",
                        cluster), "databaseReclaimPolicy", "retain"))
                .build();
    }

    private static Map<String, String> labels(String spec, Map<String, String> more) {
        Map<String, String> labels = new LinkedHashMap<>(Map.of("app.kubernetes.io/instance", spec,
                "app.kubernetes.io/component", "database", "app.kubernetes.io/part-of", "gigafactory",
                "app.kubernetes.io/managed-by", "gigafactory-deployer"));
        labels.putAll(more);
        return labels;
    }

    private static ResourceDefinitionContext cnpg(String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup("postgresql.cnpg.io").withVersion("v1")
                .withKind(kind).withPlural(plural).withNamespaced(true).build();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
