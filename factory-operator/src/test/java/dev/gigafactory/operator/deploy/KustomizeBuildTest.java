package dev.gigafactory.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.topics.Topics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every overlay builds, every object in it is valid, and what it installs matches the catalog and the wiring. */
class KustomizeBuildTest {

    static final Map<String, List<JsonNode>> BUILT = new ConcurrentHashMap<>();
    static Schemas schemas;

    @BeforeAll
    static void loadSchemas() {
        schemas = new Schemas();
    }

    static List<JsonNode> built(String overlay) throws Exception {
        if (!BUILT.containsKey(overlay)) {
            BUILT.put(overlay, Kustomize.build(overlay));
        }
        return BUILT.get(overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyObjectValidatesAgainstItsSchema(String overlay) throws Exception {
        List<String> problems = new ArrayList<>();
        built(overlay).forEach(manifest -> problems.addAll(schemas.problems(manifest)));

        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void thereIsAKafkaTopicForEveryCatalogTopicAndNoOther(String overlay) throws Exception {
        Map<String, Integer> topics = kind(overlay, "KafkaTopic").stream().collect(Collectors
                .toMap(t -> t.at("/spec/topicName").asText(), t -> t.at("/spec/partitions").asInt()));

        assertThat(topics).isEqualTo(Topics.ALL.stream()
                .collect(Collectors.toMap(Topics.Topic::name, Topics.Topic::partitions)));
        assertThat(kind(overlay, "KafkaTopic")).allSatisfy(t -> assertThat(t.at("/spec/config/retention.ms").asLong())
                .isPositive());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void eachKafkaUserMayReadAndWriteExactlyWhatItsServiceDoes(String overlay) throws Exception {
        for (Wiring part : Wiring.all()) {
            JsonNode user = kind(overlay, "KafkaUser").stream()
                    .filter(u -> u.at("/metadata/name").asText().equals(part.name())).findFirst().orElseThrow();
            assertThat(aclNames(user, "topic", "Read")).as(part.name() + " reads").isEqualTo(part.reads());
            assertThat(aclNames(user, "topic", "Write")).as(part.name() + " writes").isEqualTo(part.writes());
            assertThat(aclNames(user, "group", "Read")).as(part.name() + " groups").isEqualTo(part.groups());
        }
        Set<String> named = new HashSet<>();
        kind(overlay, "KafkaUser").forEach(u -> named.addAll(aclNames(u, "topic", null)));
        assertThat(named).allMatch(Topics::isCatalogued);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyStatefulServiceHasItsOwnDatabaseAndRole(String overlay) throws Exception {
        Set<String> databases = kind(overlay, "Database").stream().map(d -> d.at("/spec/name").asText() + "/"
                + d.at("/spec/owner").asText()).collect(Collectors.toCollection(TreeSet::new));

        assertThat(databases).containsExactlyInAnyOrder("intake/intake", "planner/planner", "deployer/deployer",
                "monitor/monitor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void thePrometheusRuleCarriesExactlyTheRulesOfDeployPrometheus(String overlay) throws Exception {
        JsonNode rules = Yaml.read(ObservabilityManifests.read(ObservabilityManifests.RULES)).get(0);

        assertThat(kind(overlay, "PrometheusRule").get(0).at("/spec/groups")).isEqualTo(rules.get("groups"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyFactoryDeploymentIsHardened(String overlay) throws Exception {
        List<JsonNode> deployments = kind(overlay, "Deployment");
        assertThat(deployments).extracting(d -> d.at("/metadata/name").asText())
                .containsExactlyInAnyOrderElementsOf(Wiring.all().stream().map(Wiring::name).toList());
        for (JsonNode deployment : deployments) {
            JsonNode pod = deployment.at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
            assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(container.at("/resources/limits/memory").isMissingNode()).isFalse();
            if (overlay.equals("production")) {
                assertThat(container.get("image").asText()).matches(".+@sha256:[0-9a-f]{64}");
            }
        }
        assertThat(kind(overlay, "PodDisruptionBudget")).hasSameSizeAs(deployments);
        assertThat(kind(overlay, "ServiceAccount")).hasSameSizeAs(deployments);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void onlyTheDeployerMayManageWorkloads(String overlay) throws Exception {
        List<String> managing = kind(overlay, "Role").stream()
                .filter(role -> role.toString().contains("\"deployments\"")).map(r -> r.at("/metadata/name").asText())
                .toList();

        assertThat(managing).containsExactly("deployer-service");
        assertThat(kind(overlay, "ClusterRole")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theDeployerMayMakeQuarkusProductsDatabasesButNeverDeleteThem(String overlay) throws Exception {
        JsonNode role = kind(overlay, "Role").stream()
                .filter(r -> r.at("/metadata/name").asText().equals("deployer-service")).findFirst().orElseThrow();
        Map<String, Set<String>> verbs = new TreeMap<>();
        for (JsonNode rule : role.path("rules")) {
            for (JsonNode group : rule.path("apiGroups")) {
                for (JsonNode resource : rule.path("resources")) {
                    Set<String> granted = verbs.computeIfAbsent(group.asText() + "/" + resource.asText(),
                            key -> new TreeSet<>());
                    rule.path("verbs").forEach(verb -> granted.add(verb.asText()));
                }
            }
        }

        assertThat(verbs).containsEntry("/secrets", Set.of("get", "create"))
                .containsEntry("postgresql.cnpg.io/databases", Set.of("get", "create", "update"))
                .containsEntry("postgresql.cnpg.io/clusters", Set.of("get", "update"));
    }

    private static List<JsonNode> kind(String overlay, String kind) throws Exception {
        return built(overlay).stream().filter(m -> m.path("kind").asText().equals(kind)).toList();
    }

    private static Set<String> aclNames(JsonNode user, String type, String operation) {
        Set<String> names = new TreeSet<>();
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            boolean matches = acl.at("/resource/type").asText().equals(type) && (operation == null
                    || acl.get("operations").toString().contains("\"" + operation + "\""));
            if (matches) {
                names.add(acl.at("/resource/name").asText());
            }
        }
        return names;
    }
}
