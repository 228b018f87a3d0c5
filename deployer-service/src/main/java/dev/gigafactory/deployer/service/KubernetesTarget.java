package dev.gigafactory.deployer.service;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.DeploymentFailedException;
import dev.gigafactory.deployer.domain.DeploymentState;
import dev.gigafactory.deployer.domain.Release;
import dev.gigafactory.deployer.service.KubernetesManifests.Manifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.util.Optional;

/**
 * Products on a Kubernetes cluster (see {@link KubernetesManifests} for what is applied and how the jar gets in). The
 * stable URL is the Service's cluster DNS name; rolling updates with readiness probes do the switch. There is no pid on
 * a cluster: a deployment applied here carries pid 0, meaning "the cluster runs it".
 */
public final class KubernetesTarget implements DeploymentTarget {

    static final long CLUSTER_MANAGED = 0L;

    public record Settings(String namespace, Optional<String> artifactBaseUrl, String image) {
    }

    private final KubernetesClient client;
    private final ProductRegistry registry;
    private final Settings settings;

    public KubernetesTarget(KubernetesClient client, ProductRegistry registry, Settings settings) {
        this.client = client;
        this.registry = registry;
        this.settings = settings;
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
            client.apps().deployments().inNamespace(settings.namespace()).withName(spec).rolling().restart();
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
        client.apps().deployments().inNamespace(settings.namespace()).withName(spec).delete();
        client.services().inNamespace(settings.namespace()).withName(spec).delete();
        client.configMaps().inNamespace(settings.namespace()).withName(spec + "-product").delete();
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
        Manifests manifests = KubernetesManifests.render(release, settings.namespace(), base, settings.image());
        try {
            apply(manifests.configMap());
            apply(manifests.service());
            apply(manifests.deployment());
        } catch (KubernetesClientException e) {
            throw new DeploymentFailedException("cannot apply " + release.spec() + ": " + e.getMessage(), "");
        }
        String url = "http://" + release.spec() + "." + settings.namespace() + ".svc.cluster.local";
        return new Deployment(release.spec(), release.version(), release.attempt(), release.artifactDigest(),
                release.slo(), CLUSTER_MANAGED, KubernetesManifests.CONTAINER_PORT, url);
    }

    private void apply(HasMetadata resource) {
        client.resource(resource).inNamespace(settings.namespace()).createOr(NonDeletingOperation::update);
    }
}
