package dev.gigafactory.operator.deploy;

import static dev.gigafactory.operator.deploy.Yaml.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Nothing in or out of a factory pod unless named here: DNS, the Kafka brokers, its own database, the API server
 * for the two that manage resources, the products for the two that reach them; metrics scraped from the monitoring
 * namespace; the intake's REST API from anywhere (users call it); the deployer's artifacts from its products.
 */
final class NetworkManifests {

    static final String MONITORING_NAMESPACE = "monitoring";

    private NetworkManifests() {
    }

    static List<Map<String, Object>> all() {
        List<Map<String, Object>> policies = new ArrayList<>();
        policies.add(map("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy",
                "metadata", map("name", "factory-default-deny"),
                "spec", map("podSelector", map("matchLabels", map(WorkloadManifests.ROLE_LABEL, "factory")),
                        "policyTypes", List.of("Ingress", "Egress"))));
        Wiring.all().forEach(part -> policies.add(policy(part)));
        return policies;
    }

    private static Map<String, Object> policy(Wiring part) {
        List<Object> egress = new ArrayList<>();
        egress.add(map("ports", List.of(port("UDP", 53), port("TCP", 53))));
        egress.add(to(map("podSelector", map("matchLabels", map("strimzi.io/cluster", KafkaManifests.CLUSTER))),
                9092));
        if (part.database() != null) {
            egress.add(to(map("podSelector", map("matchLabels", map("cnpg.io/cluster", PostgresManifests.CLUSTER))),
                    5432));
        }
        if (part.clusterApi()) {
            egress.add(map("ports", List.of(port("TCP", 443), port("TCP", 6443))));
        }
        if (part.name().equals("deployer-service") || part.name().equals("monitor-service")) {
            egress.add(to(map("podSelector", map("matchLabels",
                    map("app.kubernetes.io/managed-by", "gigafactory-deployer"))), 8080));
        }
        List<Object> ingress = new ArrayList<>();
        ingress.add(map("from", List.of(map("namespaceSelector",
                map("matchLabels", map("kubernetes.io/metadata.name", MONITORING_NAMESPACE)))),
                "ports", List.of(port("TCP", 8080))));
        if (part.name().equals("spec-intake-service")) {
            ingress.add(map("ports", List.of(port("TCP", 8080))));
        }
        if (part.name().equals("deployer-service")) {
            // the products' init containers fetch their artifact from /api/artifacts
            ingress.add(map("from", List.of(map("podSelector", map("matchLabels",
                    map("app.kubernetes.io/managed-by", "gigafactory-deployer")))), "ports",
                    List.of(port("TCP", 8080))));
        }
        return map("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy",
                "metadata", map("name", part.name()),
                "spec", map("podSelector", map("matchLabels", WorkloadManifests.selector(part.name())),
                        "policyTypes", List.of("Ingress", "Egress"), "ingress", ingress, "egress", egress));
    }

    private static Map<String, Object> to(Map<String, Object> peer, int port) {
        return map("to", List.of(peer), "ports", List.of(port("TCP", port)));
    }

    private static Map<String, Object> port(String protocol, int port) {
        return map("protocol", protocol, "port", port);
    }
}
