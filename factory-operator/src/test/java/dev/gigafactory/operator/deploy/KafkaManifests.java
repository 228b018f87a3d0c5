package dev.gigafactory.operator.deploy;

import static dev.gigafactory.operator.deploy.Yaml.map;

import dev.gigafactory.contracts.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A KafkaTopic per catalog topic, a KafkaUser per part of the factory with ACLs for exactly its own wiring. */
final class KafkaManifests {

    static final String CLUSTER = "gigafactory";
    /** The KEDA scaler reads consumer lag: it may describe, never read or write. */
    static final String SCALER = "keda-scaler";
    /** People and their tools (kcat, CI jobs): publish documents, read the answers; nothing else. */
    static final String SUBMITTER = "spec-submitter";

    private KafkaManifests() {
    }

    /**
     * How long each topic keeps its records. The catalog says nothing about it: the read models and the deployer's
     * history live in databases, so a topic only needs to outlast an outage or a replay; the ledger is kept longest,
     * for cost reports; the intake topic is raw input, answered at once.
     */
    static Duration retention(String topic) {
        return switch (topic) {
            case Topics.SPECS_SUBMITTED -> Duration.ofDays(7);
            case Topics.DLQ -> Duration.ofDays(14);
            case Topics.LEDGER -> Duration.ofDays(90);
            default -> Duration.ofDays(30);
        };
    }

    static List<Map<String, Object>> topics() {
        return Topics.ALL.stream().map(topic -> map(
                "apiVersion", "kafka.strimzi.io/v1",
                "kind", "KafkaTopic",
                "metadata", map("name", resourceName(topic), "labels", map("strimzi.io/cluster", CLUSTER)),
                "spec", map("topicName", topic.name(), "partitions", topic.partitions(), "replicas", 3,
                        "config", map("retention.ms", retention(topic.name()).toMillis(),
                                "min.insync.replicas", 2, "cleanup.policy", "delete"))))
                .toList();
    }

    /**
     * overlays/dev's patch of every topic down to one replica (its single broker): a strategic-merge patch per
     * topic, by name, because kustomize v2.0.3 (kubectl 1.20, Debian's kubernetes-client) has no patch targets
     * by kind alone.
     */
    static List<Map<String, Object>> singleReplicaTopics() {
        return Topics.ALL.stream().map(topic -> map(
                "apiVersion", "kafka.strimzi.io/v1",
                "kind", "KafkaTopic",
                "metadata", map("name", resourceName(topic)),
                "spec", map("replicas", 1, "config", map("min.insync.replicas", 1))))
                .toList();
    }

    private static String resourceName(Topics.Topic topic) {
        return topic.name().replace('.', '-');
    }

    static List<Map<String, Object>> users() {
        List<Map<String, Object>> users = new ArrayList<>();
        for (Wiring part : Wiring.all()) {
            List<Object> acls = new ArrayList<>();
            part.reads().forEach(topic -> acls.add(acl("topic", topic, "Describe", "Read")));
            part.writes().forEach(topic -> acls.add(acl("topic", topic, "Describe", "Write")));
            part.groups().forEach(group -> acls.add(acl("group", group, "Read")));
            users.add(user(part.name(), acls));
        }
        List<Object> scaler = new ArrayList<>();
        Topics.ALL.forEach(topic -> scaler.add(acl("topic", topic.name(), "Describe")));
        Wiring.all().forEach(part -> part.groups().forEach(group -> scaler.add(acl("group", group, "Describe"))));
        users.add(user(SCALER, scaler));
        users.add(user(SUBMITTER, List.of(acl("topic", Topics.SPECS_SUBMITTED, "Describe", "Write"),
                acl("topic", Topics.SPECS_REJECTED, "Describe", "Read"))));
        return users;
    }

    private static Map<String, Object> user(String name, List<Object> acls) {
        return map("apiVersion", "kafka.strimzi.io/v1",
                "kind", "KafkaUser",
                "metadata", map("name", name, "labels", map("strimzi.io/cluster", CLUSTER)),
                "spec", map("authentication", map("type", "scram-sha-512"),
                        "authorization", map("type", "simple", "acls", acls)));
    }

    private static Map<String, Object> acl(String type, String name, String... operations) {
        return map("resource", map("type", type, "name", name, "patternType", "literal"),
                "operations", List.of(operations), "host", "*");
    }
}
