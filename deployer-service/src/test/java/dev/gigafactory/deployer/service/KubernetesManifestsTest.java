package dev.gigafactory.deployer.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.spec.Slo;
import dev.gigafactory.deployer.domain.Release;
import dev.gigafactory.deployer.service.KubernetesManifests.Manifests;
import dev.gigafactory.deployer.service.KubernetesManifests.Placement;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.Map;
import java.util.Optional;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import org.junit.jupiter.api.Test;

class KubernetesManifestsTest {

    private static final String HEX = "ab".repeat(32);
    private static final Release RELEASE = new Release("todo", 3, 2, "sha256:" + HEX, Slo.DEFAULT);

    private final Manifests manifests = KubernetesManifests.render(RELEASE, "factory", "http://artifacts:8080/",
            "eclipse-temurin:17-jre");

    @Test
    void everyResourceCarriesTheStandardLabelsAndTheArtifactDigest() {
        for (var resource : java.util.List.of(manifests.configMap(), manifests.deployment(), manifests.service())) {
            assertThat(resource.getMetadata().getNamespace()).isEqualTo("factory");
            assertThat(resource.getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/name", "todo")
                    .containsEntry("app.kubernetes.io/instance", "todo")
                    .containsEntry("app.kubernetes.io/version", "3")
                    .containsEntry("app.kubernetes.io/managed-by", "gigafactory-deployer")
                    .containsEntry("app.kubernetes.io/part-of", "gigafactory");
            assertThat(resource.getMetadata().getAnnotations())
                    .containsEntry(KubernetesManifests.DIGEST_ANNOTATION, "sha256:" + HEX);
        }
        // a new digest changes the pod template, so the cluster rolls it out
        assertThat(manifests.deployment().getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry(KubernetesManifests.DIGEST_ANNOTATION, "sha256:" + HEX);
    }

    @Test
    void theProductContainerRunsTheTestedJarWithProbesAndLimits() {
        PodSpec pod = manifests.deployment().getSpec().getTemplate().getSpec();
        Container product = pod.getContainers().get(0);
        assertThat(product.getImage()).isEqualTo("eclipse-temurin:17-jre");
        assertThat(product.getCommand()).containsSequence("-jar", "/app/app.jar");
        assertThat(product.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health");
        assertThat(product.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health");
        assertThat(product.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(product.getResources().getLimits()).containsKeys("cpu", "memory");
        Container fetcher = pod.getInitContainers().get(0);
        assertThat(String.join(" ", fetcher.getCommand())).contains("sha256sum -c");
        assertThat(manifests.configMap().getData()).containsEntry("ARTIFACT_URL", "http://artifacts:8080/" + HEX)
                .containsEntry("ARTIFACT_SHA256", HEX).containsEntry("PORT", "8080").containsEntry("DATA_DIR", "/data");
        assertThat(manifests.deployment().getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
                .isZero();
    }

    @Test
    void eachVersionIsAWorkloadOfItsOwnAndTheServiceSelectsOneVersion() {
        assertThat(manifests.deployment().getMetadata().getName()).isEqualTo("todo-v3");
        assertThat(manifests.configMap().getMetadata().getName()).isEqualTo("todo-v3");
        assertThat(manifests.service().getMetadata().getName()).isEqualTo("todo");
        assertThat(manifests.service().getSpec().getSelector()).containsOnly(
                Map.entry("app.kubernetes.io/name", "todo"),
                Map.entry("app.kubernetes.io/instance", "todo"), Map.entry("app.kubernetes.io/version", "3"));
        assertThat(manifests.deployment().getSpec().getSelector().getMatchLabels())
                .isEqualTo(manifests.service().getSpec().getSelector());
        assertThat(manifests.service().getSpec().getPorts().get(0).getPort()).isEqualTo(80);
        assertThat(manifests.ingress()).isEmpty();
    }

    @Test
    void everyObjectIsOwnedByTheServiceSpecAndAnIngressIsMadeForADomain() {
        OwnerReference owner = new OwnerReferenceBuilder().withApiVersion("gigafactory.dev/v1alpha1")
                .withKind("ServiceSpec").withName("todo").withUid("uid-1").build();
        Manifests owned = KubernetesManifests.render(RELEASE, new Placement("factory", "http://artifacts:8080/",
                "eclipse-temurin:17-jre", Optional.of(owner), Optional.of("apps.example.org")));

        for (var resource : java.util.List.of(owned.configMap(), owned.deployment(), owned.service(),
                owned.ingress().orElseThrow())) {
            assertThat(resource.getMetadata().getOwnerReferences()).containsExactly(owner);
        }
        var rule = owned.ingress().orElseThrow().getSpec().getRules().get(0);
        assertThat(rule.getHost()).isEqualTo("todo.apps.example.org");
        assertThat(rule.getHttp().getPaths().get(0).getBackend().getService().getName()).isEqualTo("todo");
    }
}
