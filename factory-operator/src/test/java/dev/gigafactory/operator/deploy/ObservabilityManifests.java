package dev.gigafactory.operator.deploy;

import static dev.gigafactory.operator.deploy.Yaml.map;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * deploy/prometheus and deploy/grafana as the prometheus-operator and Grafana's sidecar want them: the rules file's
 * groups, verbatim, in a PrometheusRule; each dashboard in a labelled ConfigMap. KEDA scales the tester and the
 * coder on their consumer group's lag (they are the slow stages; the lag is work waiting).
 */
final class ObservabilityManifests {

    static final Path RULES = Wiring.ROOT.resolve("deploy/prometheus/rules/factory.rules.yml");
    static final Path DASHBOARDS = Wiring.ROOT.resolve("deploy/grafana/dashboards");

    private ObservabilityManifests() {
    }

    static List<Map<String, Object>> rules() {
        JsonNode rules = Yaml.read(read(RULES)).get(0);
        return List.of(map("apiVersion", "monitoring.coreos.com/v1", "kind", "PrometheusRule",
                "metadata", map("name", "gigafactory", "labels", map("app.kubernetes.io/part-of", "gigafactory")),
                "spec", map("groups", rules.get("groups"))));
    }

    static List<Map<String, Object>> dashboards() {
        List<Map<String, Object>> maps = new ArrayList<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString();
                maps.add(map("apiVersion", "v1", "kind", "ConfigMap",
                        "metadata", map("name", "dashboard-" + name.replace(".json", ""),
                                "labels", map("grafana_dashboard", "1", "app.kubernetes.io/part-of", "gigafactory"),
                                "annotations", map("grafana_folder", "Gigafactory")),
                        "data", map(name, read(file))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return maps;
    }

    /** The lag threshold is records per replica: a tester run takes seconds, so five waiting is a queue. */
    static List<Map<String, Object>> scaling() {
        List<Map<String, Object>> documents = new ArrayList<>();
        documents.add(map("apiVersion", "keda.sh/v1alpha1", "kind", "TriggerAuthentication",
                "metadata", map("name", "kafka-lag"),
                "spec", map("secretTargetRef", List.of(
                        map("parameter", "sasl", "name", "keda-kafka-settings", "key", "sasl"),
                        map("parameter", "username", "name", "keda-kafka-settings", "key", "username"),
                        map("parameter", "password", "name", KafkaManifests.SCALER, "key", "password")))));
        for (String service : List.of("tester-service", "coder-service")) {
            Wiring part = Wiring.service(service);
            String topic = part.reads().iterator().next();
            int partitions = dev.gigafactory.contracts.topics.Topics.ALL.stream()
                    .filter(t -> t.name().equals(topic)).findFirst().orElseThrow().partitions();
            documents.add(map("apiVersion", "keda.sh/v1alpha1", "kind", "ScaledObject",
                    "metadata", map("name", service),
                    "spec", map("scaleTargetRef", map("name", service), "minReplicaCount", 1,
                            // more consumers than partitions would idle
                            "maxReplicaCount", partitions, "cooldownPeriod", 300,
                            "triggers", List.of(map("type", "kafka",
                                    "metadata",
                                    map("bootstrapServers", KafkaManifests.CLUSTER + "-kafka-bootstrap:9092",
                                            "consumerGroup", part.groups().iterator().next(), "topic", topic,
                                            "lagThreshold", "5", "offsetResetPolicy", "earliest"),
                                    "authenticationRef", map("name", "kafka-lag"))))));
        }
        return documents;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
