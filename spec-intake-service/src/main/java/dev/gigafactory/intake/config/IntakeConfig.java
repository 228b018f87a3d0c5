package dev.gigafactory.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "intake")
public interface IntakeConfig {

    /** Keys accepted in {@code Authorization: Bearer <key>} for REST writes; when none are set, writes are open. */
    Optional<List<String>> apiKeys();

    /** Page size of {@code GET /api/specs} when the caller names none. */
    @WithDefault("50")
    int defaultPageSize();

    @WithDefault("500")
    int maxPageSize();

    Console console();

    /** The web console at {@code /}. */
    interface Console {

        /** Grafana's base URL; the spec page links to the factory's dashboards when it is set. */
        Optional<String> grafanaUrl();
    }
}
