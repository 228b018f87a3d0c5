package dev.gigafactory.deployer.service;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.DeploymentFailedException;
import dev.gigafactory.deployer.domain.DeploymentState;
import dev.gigafactory.deployer.domain.Release;
import dev.gigafactory.deployer.service.KubernetesManifests.Manifests;
import dev.gigafactory.deployer.service.KubernetesManifests.Placement;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Products on a Kubernetes cluster (see {@link KubernetesManifests} for what is applied and how the jar gets in). The
 * stable URL is the Service's cluster DNS name. Blue/green: a new version gets a Deployment of its own; the Service's
 * selector moves to it once it is ready, then the old version is removed; one that is not ready in time is removed and
 * the old one never stopped serving. A rollback is the same move back to the previous release. There is no pid on a
 * cluster: a deployment applied here carries pid 0, meaning "the cluster runs it".
 */
public final class KubernetesTarget implements DeploymentTarget {

    static final long CLUSTER_MANAGED = 0L;

    /**
     * {@code ingressDomain}: with one, each product also gets an Ingress at {@code <spec>.<domain>};
     * {@code postgresCluster}: the CloudNativePG Cluster where quarkus products get their databases.
     */
    public record Settings(String namespace, Optional<String> artifactBaseUrl, String image, Duration readyTimeout,
            Optional<String> ingressDomain, String postgresCluster) {

        public static final String POSTGRES_CLUSTER = "gigafactory-db";

        public Settings(String namespace, Optional<String> artifactBaseUrl, String image, Duration readyTimeout,
                Optional<String> ingressDomain) {
            this(namespace, artifactBaseUrl, image, readyTimeout, ingressDomain, POSTGRES_CLUSTER);
        }

        public Settings(String namespace, Optional<String> artifactBaseUrl, String image) {
            this(namespace, artifactBaseUrl, image, Duration.ofMinutes(2), Optional.empty());
        }
    }

    private static final ResourceDefinitionContext SERVICE_SPECS = new ResourceDefinitionContext.Builder()
            .withGroup("gigafactory.dev").withVersion("v1alpha1").withKind("ServiceSpec").withPlural("servicespecs")
            .withNamespaced(true).build();

    private final KubernetesClient client;
    private final ProductRegistry registry;
    private final Settings settings;
    private final ClusterDatabases databases;

    public KubernetesTarget(KubernetesClient client, ProductRegistry registry, Settings settings) {
        this.client = client;
        this.registry = registry;
        this.settings = settings;
        this.databases = new ClusterDatabases(client, settings.namespace(), settings.postgresCluster());
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public Deployment deploy(Release release) throws DeploymentFailedException {
        Deployment applied = apply(release);
        registry.promote(applied, DeploymentCompleted.DEPLOY);
        return applied;
    }

    @Override
    public Deployment restart(String spec, String cause) throws DeploymentFailedException {
        Deployment current = registry.current(spec)
                .orElseThrow(() -> new DeploymentFailedException("nothing deployed for " + spec, ""));
        try {
            client.apps().deployments().inNamespace(settings.namespace())
                    .withName(KubernetesManifests.workloadName(spec, current.version())).rolling().restart();
        } catch (KubernetesClientException e) {
            throw new DeploymentFailedException("cannot restart " + spec + ": " + e.getMessage(), "");
        }
        registry.restarted(current, cause);
        return current;
    }

    @Override
    public Optional<Deployment> rollback(String spec, String cause) throws DeploymentFailedException {
        Optional<Deployment> previous = registry.previous(spec);
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        Deployment restored = apply(previous.get().release());
        registry.rolledBack(restored, cause);
        return Optional.of(restored);
    }

    @Override
    public void stop(String spec) {
        String ns = settings.namespace();
        client.network().v1().ingresses().inNamespace(ns).withLabels(productOf(spec)).delete();
        client.services().inNamespace(ns).withLabels(productOf(spec)).delete();
        client.apps().deployments().inNamespace(ns).withLabels(productOf(spec)).delete();
        client.configMaps().inNamespace(ns).withLabels(productOf(spec)).delete();
        registry.ended(spec, CLUSTER_MANAGED, DeploymentState.STOPPED, "deleted from the cluster");
    }

    @Override
    public Optional<Deployment> status(String spec) {
        return registry.current(spec);
    }

    @Override
    public void readopt() {
        registry.load(); // the cluster keeps its deployments running: only our memory of them needs reloading
    }

    private Deployment apply(Release release) throws DeploymentFailedException {
        String base = settings.artifactBaseUrl().orElseThrow(() -> new DeploymentFailedException(
                "deployer.kubernetes.artifact-base-url is not set: pods could not fetch the artifact", ""));
        Manifests manifests = KubernetesManifests.render(release, new Placement(settings.namespace(), base,
                settings.image(), owner(release.spec()), settings.ingressDomain()));
        String name = manifests.deployment().getMetadata().getName();
        if (release.needsDatabase()) {
            databases.provide(release.spec(), manifests.deployment());
        }
        try {
            apply(manifests.configMap());
            apply(manifests.deployment());
            awaitReady(release, name);
            apply(manifests.service()); // the switch: from here on the new version serves
            manifests.ingress().ifPresent(this::apply);
            removeVersionsBut(release.spec(), name);
        } catch (KubernetesClientException e) {
            throw new DeploymentFailedException("cannot apply " + release.spec() + ": " + e.getMessage(), "");
        }
        String url = "http://" + release.spec() + "." + settings.namespace() + ".svc.cluster.local";
        return new Deployment(release.spec(), release.version(), release.attempt(), release.artifactDigest(),
                release.slo(), CLUSTER_MANAGED, KubernetesManifests.CONTAINER_PORT, url, release.stack());
    }

    private void awaitReady(Release release, String name) throws DeploymentFailedException {
        try {
            client.apps().deployments().inNamespace(settings.namespace()).withName(name).waitUntilCondition(
                    KubernetesTarget::ready, settings.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (KubernetesClientTimeoutException e) {
            remove(name);
            throw new DeploymentFailedException(release.spec() + " v" + release.version() + " was not ready within "
                    + settings.readyTimeout() + "; the Service was not switched, the version before keeps serving",
                    "");
        }
    }

    private static boolean ready(io.fabric8.kubernetes.api.model.apps.Deployment deployment) {
        if (deployment == null || deployment.getStatus() == null) {
            return false;
        }
        Integer ready = deployment.getStatus().getReadyReplicas();
        return ready != null && ready >= deployment.getSpec().getReplicas();
    }

    private void removeVersionsBut(String spec, String keep) {
        client.apps().deployments().inNamespace(settings.namespace()).withLabels(productOf(spec)).list().getItems()
                .stream().map(d -> d.getMetadata().getName()).filter(name -> !name.equals(keep))
                .forEach(this::remove);
    }

    private void remove(String workload) {
        client.apps().deployments().inNamespace(settings.namespace()).withName(workload).delete();
        client.configMaps().inNamespace(settings.namespace()).withName(workload).delete();
    }

    private static Map<String, String> productOf(String spec) {
        return Map.of("app.kubernetes.io/instance", spec, "app.kubernetes.io/managed-by", "gigafactory-deployer");
    }

    /** The spec's ServiceSpec, when it came from one: its deletion then garbage-collects the product too. */
    private Optional<OwnerReference> owner(String spec) {
        try {
            GenericKubernetesResource resource = client.genericKubernetesResources(SERVICE_SPECS)
                    .inNamespace(settings.namespace()).withName(spec).get();
            return Optional.ofNullable(resource).map(r -> new OwnerReferenceBuilder()
                    .withApiVersion(SERVICE_SPECS.getGroup() + "/" + SERVICE_SPECS.getVersion())
                    .withKind(SERVICE_SPECS.getKind()).withName(spec).withUid(r.getMetadata().getUid())
                    .withController(false).withBlockOwnerDeletion(false).build());
        } catch (KubernetesClientException e) {
            return Optional.empty(); // no ServiceSpec CRD on this cluster (or not readable): the product is unowned
        }
    }

    private void apply(HasMetadata resource) {
        client.resource(resource).inNamespace(settings.namespace()).createOr(NonDeletingOperation::update);
    }
}
