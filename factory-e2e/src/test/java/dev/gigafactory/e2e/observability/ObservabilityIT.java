package dev.gigafactory.e2e.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.acceptance.Deadline;
import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.product.ProductProcess;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.launcher.Fleet;
import dev.gigafactory.e2e.observability.DashboardQueries.Query;
import dev.gigafactory.e2e.observability.TopicSnapshot.Event;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fleet as the operator sees it: one todo spec through the six services, then Debian's Prometheus scraping them
 * and the product with deploy/prometheus, answering every Grafana panel's query; and the spec version's events on the
 * topics all carrying one trace.
 */
class ObservabilityIT {

    private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(4);
    private static final List<String> PIPELINE_TOPICS = List.of(Topics.SPECS_ACCEPTED, Topics.PLANS_CREATED,
            Topics.CODE_GENERATED, Topics.TESTS_COMPLETED, Topics.DEPLOYMENTS_COMPLETED);
    /** Meters that exist only once something went wrong (Micrometer registers them on first use). */
    private static final List<String> INCIDENT_METRICS = List.of("factory_incidents_total",
            "factory_time_to_heal_seconds", "factory_time_to_detect_seconds");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path repo;
    private static Fleet fleet;
    private static LocalPrometheus prometheus;
    private static List<Event> todoEvents;

    @BeforeAll
    static void startFleetSubmitTodoAndScrape() throws Exception {
        repo = Fleet.findRepoRoot(Path.of("").toAbsolutePath());
        Path state = Files.createTempDirectory("gigafactory-observability-");
        fleet = Fleet.start(repo, state);
        publish(Topics.SPECS_SUBMITTED, "todo", ExampleSpecs.bytes("todo.yaml"));
        String product = awaitRunning("todo");
        List<String> topics = new ArrayList<>(PIPELINE_TOPICS);
        topics.add(Topics.LEDGER);
        todoEvents = TopicSnapshot.read(fleet.kafkaBootstrapServers(), topics).stream()
                .filter(event -> "todo".equals(event.key())).toList();
        useProduct(product);
        // No CloudEvent headers: the tester must dead-letter it, so the dead-letter panels have something to show.
        publish(Topics.CODE_GENERATED, "observability-poison", "not an event".getBytes());
        prometheus = LocalPrometheus.start(repo, state.resolve("prometheus"), fleet.addresses().services(),
                Map.of("todo", product));
    }

    @AfterAll
    static void stopEverything() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void prometheusLoadsEveryRuleOfDeployPrometheusAndEvaluatesThemWithoutErrors() throws Exception {
        Deadline deadline = Deadline.after(Duration.ofSeconds(30));
        Map<String, String> health = ruleHealth();
        while (!deadline.passed() && health.values().stream().anyMatch(h -> !"ok".equals(h))) {
            Thread.sleep(500);
            health = ruleHealth();
        }
        assertThat(health).as("rules loaded by Prometheus and their health").containsKeys("FactoryPipelineStuck",
                "FactoryDeadLettersGrowing", "FactoryConsumerLagHigh", "ProductErrorBudgetBurnFast",
                "ProductErrorBudgetBurnSlow", "gigafactory:channel_in_flight:messages");
        assertThat(health).as("rule health").allSatisfy((rule, h) -> assertThat(h).as(rule).isEqualTo("ok"));
    }

    @Test
    void everyDashboardPanelQueryReturnsDataFromTheRunningFleet() throws Exception {
        List<Query> queries = DashboardQueries.in(repo.resolve("deploy/grafana/dashboards"));
        assertThat(queries).as("panel queries").hasSizeGreaterThan(20);
        Map<Boolean, List<Query>> byIncident = queries.stream()
                .collect(Collectors.partitioningBy(q -> INCIDENT_METRICS.stream().anyMatch(q.expr()::contains)));
        assertReturnData(byIncident.get(false));
        // The incident panels count incidents and time their healing: give the monitor a crash to detect and heal.
        crashProduct();
        assertReturnData(byIncident.get(true));
    }

    private static void assertReturnData(List<Query> queries) throws Exception {
        Deadline deadline = Deadline.after(Duration.ofSeconds(90));
        List<Query> empty = emptyQueries(queries);
        while (!empty.isEmpty() && !deadline.passed()) {
            Thread.sleep(1000);
            empty = emptyQueries(empty);
        }
        assertThat(empty).as("panel queries without data; Prometheus log: %s; fleet logs in %s", prometheus.log(),
                fleet.stateDir()).isEmpty();
    }

    @Test
    void everyEventOfTheTodoVersionCarriesTheSameTraceAcrossTheServices() {
        Map<String, List<Event>> byTopic = todoEvents.stream()
                .collect(Collectors.groupingBy(Event::topic, TreeMap::new, Collectors.toList()));
        String described = todoEvents.stream().map(e -> e.topic() + " from " + e.source() + ": " + e.traceIds())
                .collect(Collectors.joining("\n"));
        assertThat(byTopic).as("todo events per topic:%n%s", described).containsKeys(PIPELINE_TOPICS.toArray(
                String[]::new));
        assertThat(todoEvents).as("every todo event has a traceparent:%n%s", described)
                .allSatisfy(event -> assertThat(event.traceIds()).isNotEmpty());
        Set<String> traces = todoEvents.stream().flatMap(e -> e.traceIds().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(traces).as("trace ids of the todo version's events:%n%s", described).hasSize(1);
        assertThat(todoEvents.stream().map(Event::source).collect(Collectors.toSet())).as("producers")
                .contains("/gigafactory/spec-intake-service", "/gigafactory/planner-service",
                        "/gigafactory/coder-service", "/gigafactory/tester-service",
                        "/gigafactory/deployer-service");
    }

    private static List<Query> emptyQueries(List<Query> queries) throws Exception {
        List<Query> empty = new ArrayList<>();
        for (Query query : queries) {
            if (prometheus.query(DashboardQueries.resolve(query.expr())).isEmpty()) {
                empty.add(query);
            }
        }
        return empty;
    }

    private static Map<String, String> ruleHealth() throws Exception {
        Map<String, String> health = new TreeMap<>();
        for (JsonNode group : prometheus.get("/api/v1/rules").path("data").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                health.put(rule.path("name").asText(), rule.path("health").asText() + rule.path("lastError")
                        .asText(""));
            }
        }
        return health;
    }

    /** The deployer's product process: started from the fleet's state directory by the deployer, not a service. */
    private static void crashProduct() {
        Set<Long> services = fleet.addresses().services().keySet().stream().map(fleet::pid)
                .collect(Collectors.toSet());
        String state = fleet.stateDir().toString();
        List<ProcessHandle> products = ProcessHandle.allProcesses()
                .filter(p -> !services.contains(p.pid())).filter(ProductProcess::isJava)
                .filter(p -> p.info().commandLine().filter(line -> line.contains(state)
                        && line.contains("deployer-service")).isPresent())
                .toList();
        assertThat(products).as("the deployed todo product's process").isNotEmpty();
        products.forEach(ProcessHandle::destroyForcibly);
    }

    private static void useProduct(String url) throws Exception {
        for (int i = 0; i < 3; i++) {
            send(HttpRequest.newBuilder(URI.create(url + "/todos")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"observe " + i + "\"}")).build());
            send(HttpRequest.newBuilder(URI.create(url + "/todos")).build());
        }
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void publish(String topic, String key, byte[] value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, fleet.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static String awaitRunning(String name) throws Exception {
        Deadline deadline = Deadline.after(PIPELINE_TIMEOUT);
        URI status = fleet.url("spec-intake-service").resolve("/api/specs/" + name);
        String last = "no answer yet";
        while (!deadline.passed()) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(status).build());
            last = answer.statusCode() + " " + answer.body();
            if (answer.statusCode() == 200) {
                JsonNode body = Json.read(answer.body(), JsonNode.class);
                if ("running".equals(body.path("stage").asText()) && body.hasNonNull("url")) {
                    return body.get("url").asText();
                }
                assertThat(body.path("stage").asText()).as("stage of %s: %s", name, last).isNotIn("failed",
                        "rejected");
            }
            Thread.sleep(250);
        }
        throw new AssertionError("spec " + name + " was not running within " + PIPELINE_TIMEOUT + "; last status: "
                + last + "; logs in " + fleet.stateDir());
    }
}
