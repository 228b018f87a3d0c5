package dev.gigafactory.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What production runs: every image pinned to the digest of a build (deploy/images/build-images.sh writes them),
 * the operator on two replicas with a leader election it has the rights for, and no disruption budget that would
 * block a node drain.
 */
class ProductionOverlayTest {

    /** Every kind whose objects run pods; a new one in the overlay is then checked too. */
    static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet",
            "CronJob");
    static final String UNSET = "sha256:" + "0".repeat(64);

    @Test
    void everyWorkloadImageIsPinnedByTheDigestOfABuild() throws Exception {
        List<String> images = new ArrayList<>();
        for (JsonNode workload : production()) {
            String kind = workload.path("kind").asText();
            if (!WORKLOADS.contains(kind)) {
                continue;
            }
            JsonNode pod = workload.at(kind.equals("CronJob")
                    ? "/spec/jobTemplate/spec/template/spec"
                    : "/spec/template/spec");
            for (String field : List.of("initContainers", "containers")) {
                pod.path(field).forEach(container -> images.add(container.path("image").asText()));
            }
        }

        assertThat(images).hasSize(7).allSatisfy(image -> {
            assertThat(image).matches(".+@sha256:[0-9a-f]{64}");
            assertThat(image).as("a placeholder, not a build's digest").doesNotEndWith(UNSET);
        });
    }

    @Test
    void theOperatorRunsTwoReplicasEachElectingUnderItsPodName() throws Exception {
        JsonNode operator = named("Deployment", Wiring.OPERATOR);
        JsonNode env = operator.at("/spec/template/spec/containers/0/env");

        assertThat(operator.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(operator.at("/spec/strategy/type").asText()).isNotEqualTo("Recreate");
        assertThat(env.toString()).contains("{\"name\":\"POD_NAME\",\"valueFrom\":{\"fieldRef\":{\"fieldPath\":"
                + "\"metadata.name\"}}}");
        String rules = named("Role", Wiring.OPERATOR).get("rules").toString();
        assertThat(rules).contains("\"coordination.k8s.io\"", "\"leases\"", "\"create\"", "\"update\"");
    }

    @Test
    void everyDisruptionBudgetAllowsAnEvictionAtTheBaseReplicas() throws Exception {
        for (JsonNode deployment : production().stream().filter(m -> m.path("kind").asText().equals("Deployment"))
                .toList()) {
            String name = deployment.at("/metadata/name").asText();
            JsonNode budget = named("PodDisruptionBudget", name).get("spec");
            int replicas = deployment.at("/spec/replicas").asInt(1);
            // maxUnavailable >= 1 always allows one; minAvailable must leave one to evict
            boolean allows = budget.has("maxUnavailable")
                    ? budget.get("maxUnavailable").asInt() >= 1
                    : budget.path("minAvailable").asInt() < replicas;
            assertThat(allows).as(name + "'s budget allows a disruption").isTrue();
        }
    }

    private static List<JsonNode> production() throws Exception {
        return KustomizeBuildTest.built("production");
    }

    private static JsonNode named(String kind, String name) throws Exception {
        return production().stream().filter(m -> m.path("kind").asText().equals(kind)
                && m.at("/metadata/name").asText().equals(name)).findFirst().orElseThrow();
    }
}
