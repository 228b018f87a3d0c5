package dev.gigafactory.e2e.observability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.codec.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every query of every panel in deploy/grafana/dashboards, with Grafana's variables filled in as "All" would. */
final class DashboardQueries {

    record Query(String dashboard, String panel, String expr) {

        @Override
        public String toString() {
            return dashboard + " / " + panel + ": " + expr;
        }
    }

    private DashboardQueries() {
    }

    static List<Query> in(Path dashboards) throws IOException {
        List<Query> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dashboards)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = Json.read(Files.readString(file), JsonNode.class);
                for (JsonNode panel : dashboard.path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        queries.add(new Query(dashboard.path("uid").asText(), panel.path("title").asText(),
                                target.path("expr").asText()));
                    }
                }
            }
        }
        return queries;
    }

    /** Multi-value variables with "All" selected become Grafana's allValue; ranges become fixed windows. */
    static String resolve(String expr) {
        return expr.replace("$service", ".*").replace("$product", ".*").replace("$__rate_interval", "30s")
                .replace("$__range", "10m");
    }
}
