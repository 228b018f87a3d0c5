package dev.gigafactory.monitor.domain;

import java.util.Map;

/** One line of Prometheus text: a metric name, its labels and its value. */
public record Sample(String name, Map<String, String> labels, double value) {

    public String label(String key) {
        return labels.getOrDefault(key, "");
    }
}
