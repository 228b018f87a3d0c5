package dev.gigafactory.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.operator.kafka.KafkaSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What a pod gives the operator: KAFKA_* variables like the services, probes on the services' paths. */
class OperatorMainPartsTest {

    @Test
    void kafkaVariablesBecomeClientSettingsAsForTheServices() {
        Map<String, Object> settings = KafkaSettings.fromEnvironment(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "KAFKA_SASL_JAAS_CONFIG", "scram ...", "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "HOME", "/"));

        assertThat(settings).containsOnly(Map.entry("bootstrap.servers", "kafka:9092"),
                Map.entry("sasl.jaas.config", "scram ..."), Map.entry("security.protocol", "SASL_PLAINTEXT"));
    }

    @Test
    void healthIsLiveAlwaysAndReadyOnlyWhileTheOperatorWatches() throws Exception {
        AtomicBoolean ready = new AtomicBoolean(false);
        try (HealthEndpoint health = new HealthEndpoint(0, ready::get)) {
            assertThat(status(health, "/q/health/live")).isEqualTo(200);
            assertThat(status(health, "/q/health/ready")).isEqualTo(503);
            ready.set(true);
            assertThat(status(health, "/q/health/ready")).isEqualTo(200);
            assertThat(status(health, "/q/health/started")).isEqualTo(200);
        }
    }

    private static int status(HealthEndpoint health, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + health.port()
                + path)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
