package dev.gigafactory.operator.kafka;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Kafka client settings from the environment, with the services' convention ({@code KAFKA_SASL_JAAS_CONFIG} is
 * {@code sasl.jaas.config}), so one Secret and one set of variables configure the operator like any service.
 */
public final class KafkaSettings {

    private static final String PREFIX = "KAFKA_";

    private KafkaSettings() {
    }

    public static Map<String, Object> fromEnvironment(Map<String, String> environment) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", "localhost:9092");
        environment.forEach((name, value) -> {
            if (name.startsWith(PREFIX) && name.length() > PREFIX.length() && !value.isBlank()) {
                settings.put(name.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return settings;
    }

    public static Map<String, Object> broker(String bootstrapServers) {
        return Map.of("bootstrap.servers", bootstrapServers);
    }

    static Map<String, Object> with(Map<String, Object> base, Map<String, Object> own) {
        Map<String, Object> merged = new HashMap<>(base);
        merged.putAll(own);
        return merged;
    }
}
