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
import java.util.Map;

/**
 * Renders one product as a ConfigMap, a Deployment and a Service. How the tested jar gets into the pod: an init
 * container ({@code busybox}) downloads exactly the artifact digest from the artifact store's HTTP endpoint
 * ({@code <artifactBaseUrl>/<sha256 hex>}) into an emptyDir and refuses to finish unless {@code sha256sum -c} agrees;
 * the product container ({@code eclipse-temurin:17-jre}) then runs {@code java -jar} on it. So no image is built per
 * product, and the pod runs the very bytes the tester passed. The ConfigMap carries the product contract's environment
 * (PORT, DATA_DIR) and where the artifact comes from. Rolling updates keep every old pod until a new one passes its
 * readiness probe (maxUnavailable 0): the cluster's blue/green. Data lives in an emptyDir: a cluster deployment that
 * must keep data across pods needs a volume claim, not done yet.
 */
public final class KubernetesManifests {

    public static final String DIGEST_ANNOTATION = "gigafactory.dev/artifact-digest";
    public static final int CONTAINER_PORT = 8080;
    static final String FETCHER_IMAGE = "busybox:1.36";

    public record Manifests(ConfigMap configMap, Deployment deployment, Service service) {
    }

    private KubernetesManifests() {
    }

    public static Manifests render(Release release, String namespace, String artifactBaseUrl, String image) {
        Map<String, String> labels = labels(release);
        Map<String, String> selector = Map.of("app.kubernetes.io/name", release.spec(),
                "app.kubernetes.io/instance", release.spec());
        Map<String, String> annotations = Map.of(DIGEST_ANNOTATION, release.artifactDigest());
        String hex = release.artifactDigest().substring(release.artifactDigest().indexOf(':') + 1);
        ConfigMap config = new ConfigMapBuilder().withNewMetadata().withName(release.spec() + "-product")
                .withNamespace(namespace).withLabels(labels).withAnnotations(annotations).endMetadata()
                .withData(Map.of("PORT", Integer.toString(CONTAINER_PORT), "DATA_DIR", "/data",
                        "ARTIFACT_URL", artifactBaseUrl.replaceAll("/+$", "") + "/" + hex, "ARTIFACT_SHA256", hex))
                .build();
        Deployment deployment = new DeploymentBuilder().withNewMetadata().withName(release.spec())
                .withNamespace(namespace).withLabels(labels).withAnnotations(annotations).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(selector).endSelector()
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxUnavailable(new IntOrString(0)).withMaxSurge(new IntOrString(1)).endRollingUpdate()
                .endStrategy()
                .withNewTemplate().withNewMetadata().withLabels(labels).withAnnotations(annotations).endMetadata()
                .withNewSpec().withInitContainers(fetcher(config.getMetadata().getName()))
                .withContainers(product(config.getMetadata().getName(), image))
                .addNewVolume().withName("app").withNewEmptyDir().endEmptyDir().endVolume()
                .addNewVolume().withName("data").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec().endTemplate().endSpec().build();
        Service service = new ServiceBuilder().withNewMetadata().withName(release.spec()).withNamespace(namespace)
                .withLabels(labels).withAnnotations(annotations).endMetadata()
                .withNewSpec().withSelector(selector).addNewPort().withName("http").withPort(80)
                .withTargetPort(new IntOrString("http")).endPort().endSpec().build();
        return new Manifests(config, deployment, service);
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
