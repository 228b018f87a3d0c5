package dev.gigafactory.operator.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every generated file of deploy/kubernetes (base and overlays), by path below it: the test compares,
 * -Dmanifests.update=true writes.
 */
final class Manifests {

    static final Path KUBERNETES = Wiring.ROOT.resolve("deploy/kubernetes");

    private Manifests() {
    }

    static Map<String, String> generated() {
        String source = Manifests.class.getPackageName();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("base/kafka/topics.yaml",
                Yaml.documents(source + ".KafkaManifests from Topics.ALL", KafkaManifests.topics()));
        files.put("base/kafka/users.yaml", Yaml.documents(
                source + ".KafkaManifests from each application.properties", KafkaManifests.users()));
        files.put("base/postgres/cluster.yaml",
                Yaml.documents(source + ".PostgresManifests", PostgresManifests.all()));
        for (Wiring part : Wiring.all()) {
            files.put("base/workloads/" + part.name() + ".yaml",
                    Yaml.documents(source + ".WorkloadManifests", WorkloadManifests.of(part)));
        }
        files.put("base/workloads/network-policies.yaml",
                Yaml.documents(source + ".NetworkManifests", NetworkManifests.all()));
        files.put("base/monitoring/prometheus-rules.yaml", Yaml.documents(
                source + ".ObservabilityManifests from deploy/prometheus/rules", ObservabilityManifests.rules()));
        files.put("base/monitoring/dashboards.yaml", Yaml.documents(
                source + ".ObservabilityManifests from deploy/grafana/dashboards",
                ObservabilityManifests.dashboards()));
        files.put("base/scaling/keda.yaml",
                Yaml.documents(source + ".ObservabilityManifests", ObservabilityManifests.scaling()));
        files.put("overlays/dev/kafka-topics.yaml", Yaml.documents(
                source + ".KafkaManifests from Topics.ALL", KafkaManifests.singleReplicaTopics()));
        return files;
    }

    static void write() throws IOException {
        for (Map.Entry<String, String> file : generated().entrySet()) {
            Path target = KUBERNETES.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
    }
}
