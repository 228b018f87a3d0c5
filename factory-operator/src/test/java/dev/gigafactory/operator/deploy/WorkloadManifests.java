package dev.gigafactory.operator.deploy;

import static dev.gigafactory.operator.deploy.Yaml.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Per part of the factory: a ServiceAccount, a Deployment (non-root, read-only root file system, probes on
 * /q/health, requests and limits), a Service for its HTTP port and a PodDisruptionBudget. Generated so that the
 * seven stay alike and the wiring (database, Kafka user) can never name what the part does not use.
 */
final class WorkloadManifests {

    static final String ROLE_LABEL = "gigafactory.dev/role";
    static final String DATABASE_HOST = "gigafactory-db-rw";
    static final String ARTIFACTS_CLAIM = "gigafactory-artifacts";
    static final int UID = 185;

    private WorkloadManifests() {
    }

    static List<Map<String, Object>> of(Wiring part) {
        Map<String, Object> labels = labels(part.name());
        return List.of(
                map("apiVersion", "v1", "kind", "ServiceAccount", "metadata",
                        map("name", part.name(), "labels", labels),
                        "automountServiceAccountToken", part.clusterApi()),
                deployment(part, labels),
                map("apiVersion", "v1", "kind", "Service", "metadata", map("name", part.name(), "labels", labels),
                        "spec", map("selector", selector(part.name()), "ports",
                                List.of(map("name", "http", "port", 8080, "targetPort", "http")))),
                map("apiVersion", "policy/v1", "kind", "PodDisruptionBudget",
                        "metadata", map("name", part.name(), "labels", labels),
                        // one at a time: a consumer group rebalances around the pod that left, nothing is lost
                        "spec", map("maxUnavailable", 1, "selector", map("matchLabels", selector(part.name())))));
    }

    static Map<String, Object> labels(String name) {
        return map("app.kubernetes.io/name", name, "app.kubernetes.io/part-of", "gigafactory", ROLE_LABEL, "factory");
    }

    static Map<String, Object> selector(String name) {
        return map("app.kubernetes.io/name", name);
    }

    private static Map<String, Object> deployment(Wiring part, Map<String, Object> labels) {
        List<Object> volumes = new ArrayList<>(List.of(map("name", "tmp", "emptyDir", map("sizeLimit", "1Gi"))));
        List<Object> mounts = new ArrayList<>(List.of(map("name", "tmp", "mountPath", "/tmp")));
        if (part.artifacts()) {
            volumes.add(map("name", "artifacts", "persistentVolumeClaim", map("claimName", ARTIFACTS_CLAIM)));
            mounts.add(map("name", "artifacts", "mountPath", "/var/lib/gigafactory/artifacts"));
        }
        Map<String, Object> container = map("name", part.name(), "image", "gigafactory/" + part.name(),
                "ports", List.of(map("name", "http", "containerPort", 8080)),
                "env", env(part),
                "startupProbe", probe("/q/health/started", 30),
                "readinessProbe", probe("/q/health/ready", 3),
                "livenessProbe", probe("/q/health/live", 3),
                "resources", resources(part.name()),
                "securityContext", map("allowPrivilegeEscalation", false, "readOnlyRootFilesystem", true,
                        "runAsNonRoot", true, "capabilities", map("drop", List.of("ALL"))),
                "volumeMounts", mounts);
        // the deployer is the single owner of its products: never two, not even during a rollout. The operator may
        // roll: a new replica waits for the lease the old one releases on stopping
        boolean single = part.name().equals("deployer-service");
        return map("apiVersion", "apps/v1", "kind", "Deployment", "metadata",
                map("name", part.name(), "labels", labels),
                "spec", map("replicas", 1, "selector", map("matchLabels", selector(part.name())),
                        "strategy", single ? map("type", "Recreate") : null,
                        "template", map("metadata", map("labels", labels),
                                "spec", map("serviceAccountName", part.name(),
                                        "automountServiceAccountToken", part.clusterApi(),
                                        "securityContext", map("runAsNonRoot", true, "runAsUser", UID,
                                                "runAsGroup", UID, "fsGroup", UID,
                                                "seccompProfile", map("type", "RuntimeDefault")),
                                        "terminationGracePeriodSeconds", 30,
                                        "containers", List.of(container), "volumes", volumes))));
    }

    private static List<Object> env(Wiring part) {
        List<Object> env = new ArrayList<>();
        env.add(value("QUARKUS_HTTP_HOST", "0.0.0.0"));
        env.add(value("QUARKUS_HTTP_PORT", "8080"));
        env.add(value("KAFKA_BOOTSTRAP_SERVERS", KafkaManifests.CLUSTER + "-kafka-bootstrap:9092"));
        env.add(value("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT"));
        env.add(value("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512"));
        // the secret the Strimzi user operator writes for this part's KafkaUser
        env.add(secret("KAFKA_SASL_JAAS_CONFIG", part.name(), "sasl.jaas.config"));
        env.add(value("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"));
        if (part.database() != null) {
            String db = part.database();
            env.add(value("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + DATABASE_HOST + ":5432/" + db));
            env.add(value("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + DATABASE_HOST + ":5432/" + db));
            env.add(secret("QUARKUS_DATASOURCE_USERNAME", PostgresManifests.secretOf(db), "username"));
            env.add(secret("QUARKUS_DATASOURCE_PASSWORD", PostgresManifests.secretOf(db), "password"));
        }
        if (part.artifacts()) {
            env.add(value("FACTORY_ARTIFACTS_DIR", "/var/lib/gigafactory/artifacts"));
            env.add(value("FACTORY_WORK_DIR", "/tmp/work"));
        }
        if (part.name().equals("deployer-service")) {
            env.add(value("DEPLOYER_TARGET", "kubernetes"));
            // product pods fetch their tested jar from the deployer itself (it has the artifact store mounted)
            env.add(value("DEPLOYER_KUBERNETES_ARTIFACT_BASE_URL", "http://deployer-service:8080/api/artifacts"));
            env.add(map("name", "DEPLOYER_KUBERNETES_NAMESPACE", "valueFrom",
                    map("fieldRef", map("fieldPath", "metadata.namespace"))));
        }
        if (part.name().equals(Wiring.OPERATOR)) {
            env.add(map("name", "WATCH_NAMESPACE", "valueFrom",
                    map("fieldRef", map("fieldPath", "metadata.namespace"))));
            // its name in the leader election: unique among the replicas, and what the Lease shows as holder
            env.add(map("name", "POD_NAME", "valueFrom", map("fieldRef", map("fieldPath", "metadata.name"))));
        }
        return env;
    }

    /** The tester builds and runs generated code; the others mostly wait on Kafka. */
    private static Map<String, Object> resources(String name) {
        return switch (name) {
            case "tester-service" -> resources("500m", "1Gi", "2", "2Gi");
            case "coder-service" -> resources("250m", "512Mi", "1", "1Gi");
            case Wiring.OPERATOR -> resources("50m", "192Mi", "500m", "384Mi");
            default -> resources("100m", "384Mi", "1", "768Mi");
        };
    }

    private static Map<String, Object> resources(String cpu, String memory, String cpuLimit, String memoryLimit) {
        return map("requests", map("cpu", cpu, "memory", memory), "limits",
                map("cpu", cpuLimit, "memory", memoryLimit));
    }

    private static Map<String, Object> probe(String path, int failures) {
        return map("httpGet", map("path", path, "port", "http"), "periodSeconds", 5, "failureThreshold", failures);
    }

    private static Map<String, Object> value(String name, String value) {
        return map("name", name, "value", value);
    }

    private static Map<String, Object> secret(String name, String secret, String key) {
        return map("name", name, "valueFrom", map("secretKeyRef", map("name", secret, "key", key)));
    }
}
