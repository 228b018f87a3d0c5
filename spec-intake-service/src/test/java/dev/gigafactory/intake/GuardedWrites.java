package dev.gigafactory.intake;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Writes need a bearer key, and Grafana is configured: the API key tests and the console's guarded test share this
 * profile, so Quarkus starts once for them.
 */
public class GuardedWrites implements QuarkusTestProfile {

    public static final String GRAFANA = "http://grafana.test:3000";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("intake.api-keys", "k-one,k-two", "intake.console.grafana-url", GRAFANA + "/");
    }
}
