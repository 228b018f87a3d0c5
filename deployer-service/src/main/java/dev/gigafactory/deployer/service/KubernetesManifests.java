package dev.gigafactory.deployer.service;

import dev.gigafactory.deployer.domain.Release;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders one version of a product as a ConfigMap and a Deployment of its own ({@code <spec>-v<version>}), plus the
 * spec's Service (and, with an ingress domain, its Ingress). How the tested jar gets into the pod: an init container
 * ({@code busybox}) downloads exactly the artifact digest from the artifact store's HTTP endpoint
 * ({@code <artifactBaseUrl>/<sha256 hex>}) into an emptyDir and refuses to finish unless {@code sha256sum -c} agrees;
 * the product container ({@code eclipse-temurin:17-jre}) then runs {@code java -jar} on it. So no image is built per
 * product, and the pod runs the very bytes the tester passed. Blue/green: the Service selects one version; the
 * target switches its selector once the new version's Deployment is ready, and only then removes the old one. Every
 * object is owned by the spec's ServiceSpec when it has one, so deleting the resource garbage-collects the product.
 * Data lives in an emptyDir: a product that must keep data across pods needs a volume claim, not done yet.
 */
public final class KubernetesManifests {

    public static final String DIGEST_ANNOTATION = "gigafactory.dev/artifact-digest";
    public static final String VERSION_LABEL = "app.kubernetes.io/version";
    public static final int CONTAINER_PORT = 8080;
    static final String FETCHER_IMAGE = "busybox:1.36";

    /** Where and how products are placed; {@code owner} is the spec's ServiceSpec, when there is one. */
    public record Placement(String namespace, String artifactBaseUrl, String image, Optional<OwnerReference> owner,
            Optional<String> ingressDomain) {
    }

    public record Manifests(ConfigMap configMap, Deployment deployment, Service service, Optional<Ingress> ingress) {
    }

    private KubernetesManifests() {
    }

    public static Manifests render(Release release, String namespace, String artifactBaseUrl, String image) {
        return render(release, new Placement(namespace, artifactBaseUrl, image, Optional.empty(), Optional.empty()));
    }

    public static String workloadName(String spec, int version) {
        return spec + "-v" + version;
    }

    /** What the spec's Service selects: one version of it. */
    public static Map<String, String> colour(String spec, int version) {
        return Map.of("app.kubernetes.io/name", spec, "app.kubernetes.io/instance", spec, VERSION_LABEL,
                Integer.toString(version));
    }

    public static Manifests render(Release release, Placement placement) {
        String namespace = placement.namespace();
        String name = workloadName(release.spec(), release.version());
        Map<String, String> labels = labels(release);
        Map<String, String> selector = colour(release.spec(), release.version());
        Map<String, String> annotations = Map.of(DIGEST_ANNOTATION, release.artifactDigest());
        List<OwnerReference> owners = placement.owner().map(List::of).orElse(List.of());
        String hex = release.artifactDigest().substring(release.artifactDigest().indexOf(':') + 1);
        ConfigMap config = new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .withLabels(labels).withAnnotations(annotations).withOwnerReferences(owners).endMetadata()
                .withData(Map.of("PORT", Integer.toString(CONTAINER_PORT), "DATA_DIR", "/data", "ARTIFACT_URL",
                        placement.artifactBaseUrl().replaceAll("/+$", "") + "/" + hex, "ARTIFACT_SHA256", hex))
                .build();
        Deployment deployment = new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .withLabels(labels).withAnnotations(annotations).withOwnerReferences(owners).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(selector).endSelector()
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxUnavailable(new IntOrString(0)).withMaxSurge(new IntOrString(1)).endRollingUpdate()
                .endStrategy()
                .withNewTemplate().withNewMetadata().withLabels(labels).withAnnotations(annotations).endMetadata()
                .withNewSpec().withInitContainers(fetcher(name)).withContainers(product(name, placement.image()))
                .addNewVolume().withName("app").withNewEmptyDir().endEmptyDir().endVolume()
                .addNewVolume().withName("data").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec().endTemplate().endSpec().build();
        Service service = new ServiceBuilder().withNewMetadata().withName(release.spec()).withNamespace(namespace)
                .withLabels(labels).withAnnotations(annotations).withOwnerReferences(owners).endMetadata()
                .withNewSpec().withSelector(selector).addNewPort().withName("http").withPort(80)
                .withTargetPort(new IntOrString("http")).endPort().endSpec().build();
        Optional<Ingress> ingress = placement.ingressDomain().map(domain -> new IngressBuilder().withNewMetadata()
                .withName(release.spec()).withNamespace(namespace).withLabels(labels).withOwnerReferences(owners)
                .endMetadata().withNewSpec().addNewRule().withHost(release.spec() + "." + domain).withNewHttp()
                .addNewPath().withPath("/").withPathType("Prefix").withNewBackend().withNewService()
                .withName(release.spec()).withNewPort().withNumber(80).endPort().endService().endBackend().endPath()
                .endHttp().endRule().endSpec().build());
        return new Manifests(config, deployment, service, ingress);
    }

    public static Map<String, String> labels(Release release) {
        return Map.of("app.kubernetes.io/name", release.spec(),
                "app.kubernetes.io/instance", release.spec(),
                "app.kubernetes.io/version", Integer.toString(release.version()),
                "app.kubernetes.io/managed-by", "gigafactory-deployer",
                "app.kubernetes.io/part-of", "gigafactory");
    }

    private static Container fetcher(String configMap) {
        return new ContainerBuilder().withName("fetch-artifact").withImage(FETCHER_IMAGE)
                .addNewEnvFrom().withNewConfigMapRef().withName(configMap).endConfigMapRef().endEnvFrom()
                .withCommand("sh", "-c", "wget -q -O /app/app.jar \"$ARTIFACT_URL\" && "
                        + "echo \"$ARTIFACT_SHA256  /app/app.jar\" | sha256sum -c -")
                .addNewVolumeMount().withName("app").withMountPath("/app").endVolumeMount()
                .withNewResources().withRequests(resources("10m", "16Mi")).withLimits(resources("100m", "64Mi"))
                .endResources().build();
    }

    private static Container product(String configMap, String image) {
        return new ContainerBuilder().withName("product").withImage(image)
                .withCommand("java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar")
                .addNewEnvFrom().withNewConfigMapRef().withName(configMap).endConfigMapRef().endEnvFrom()
                .addNewPort().withName("http").withContainerPort(CONTAINER_PORT).endPort()
                .addNewVolumeMount().withName("app").withMountPath("/app").withReadOnly(true).endVolumeMount()
                .addNewVolumeMount().withName("data").withMountPath("/data").endVolumeMount()
                .withReadinessProbe(health(2, 3)).withLivenessProbe(health(20, 10))
                .withNewResources().withRequests(resources("100m", "128Mi")).withLimits(resources("500m", "256Mi"))
                .endResources().build();
    }

    private static Probe health(int initialDelay, int period) {
        return new ProbeBuilder().withNewHttpGet().withPath("/health").withPort(new IntOrString("http"))
                .endHttpGet().withInitialDelaySeconds(initialDelay).withPeriodSeconds(period)
                .withFailureThreshold(3).build();
    }

    private static Map<String, Quantity> resources(String cpu, String memory) {
        return Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory));
    }
}
