package dev.gigafactory.operator.deploy;

import static dev.gigafactory.operator.deploy.Yaml.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One CloudNativePG cluster; per stateful service its own role and database, owned by that role, so no service can
 * read another's tables. The roles' passwords are Secrets the installer provides (the dev overlay generates them).
 */
final class PostgresManifests {

    static final String CLUSTER = "gigafactory-db";

    private PostgresManifests() {
    }

    static String secretOf(String database) {
        return CLUSTER + "-" + database;
    }

    static List<String> databases() {
        return Wiring.all().stream().map(Wiring::database).filter(Objects::nonNull).toList();
    }

    static List<Map<String, Object>> all() {
        List<Object> roles = new ArrayList<>();
        databases().forEach(db -> roles.add(map("name", db, "ensure", "present", "login", true,
                "passwordSecret", map("name", secretOf(db)))));
        List<Map<String, Object>> documents = new ArrayList<>();
        documents.add(map("apiVersion", "postgresql.cnpg.io/v1", "kind", "Cluster", "metadata", map("name", CLUSTER),
                "spec", map("instances", 3, "imageName", "ghcr.io/cloudnative-pg/postgresql:18",
                        "primaryUpdateStrategy", "unsupervised",
                        "storage", map("size", "10Gi"),
                        "resources", map("requests", map("cpu", "250m", "memory", "512Mi"),
                                "limits", map("cpu", "2", "memory", "1Gi")),
                        "monitoring", map("enablePodMonitor", true),
                        "managed", map("roles", roles))));
        databases().forEach(db -> documents.add(map("apiVersion", "postgresql.cnpg.io/v1", "kind", "Database",
                "metadata", map("name", db), "spec", map("name", db, "owner", db, "ensure", "present",
                        "cluster", map("name", CLUSTER)))));
        return documents;
    }
}
