package dev.gigafactory.e2e.bench;

import dev.gigafactory.contracts.codec.CloudEvent;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.IncidentDetected.Kind;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.devstack.bench.ProcStart;
import dev.gigafactory.devstack.launcher.Fleet;
import dev.gigafactory.devstack.launcher.FleetOptions;
import dev.gigafactory.e2e.FleetProducts;
import dev.gigafactory.e2e.FleetSupport;
import dev.gigafactory.e2e.FleetWatch;
import dev.gigafactory.e2e.ProductFaults;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A harness, not a test: time to heal through the real fleet (real monitor, real deployer, the todo example as the
 * product), for a crash (kill -9), a hang (SIGSTOP) and a bad version (v2 killed at every start until it is rolled
 * back). Each run faults a spec of its own, so no run climbs another's ladder. Opt-in:
 * {@code ./mvnw verify -pl factory-e2e -am -Dit.test=HealingBenchmarkIT -Dbenchmark=true -Dbenchmark.runs=8}, with
 * monitor settings to try as {@code -Dbenchmark.env=MONITOR_PROBE_INTERVAL=500ms,MONITOR_FAILURE_THRESHOLD=2}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class HealingBenchmarkIT {

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 5);
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private static Path repo;
    private static Fleet fleet;

    private final Map<String, List<Long>> figures = new LinkedHashMap<>();

    @BeforeAll
    static void startFleet() throws Exception {
        repo = Fleet.findRepoRoot(Path.of("").toAbsolutePath());
        fleet = Fleet.start(FleetOptions.defaults(repo).withStateDir(Files.createTempDirectory("healing-bench-"))
                .withEnv(env(System.getProperty("benchmark.env", ""))));
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void timeToHeal() throws Exception {
        List<String> crashes = names("crash");
        List<String> hangs = names("hang");
        List<String> relapses = names("bad");
        List<String> all = Stream.of(crashes, hangs, relapses).flatMap(List::stream).toList();
        all.forEach(spec -> submit(spec, false));
        Map<String, String> urls = new LinkedHashMap<>();
        for (String spec : all) {
            urls.put(spec, FleetWatch.awaitRunning(fleet, spec, 1, WAIT).get("url").asText());
            FleetWatch.awaitConsumed(fleet, spec, DeploymentCompleted.class, WAIT);
            FleetWatch.awaitProbedHealthy(urls.get(spec), WAIT);
        }
        for (String spec : crashes) {
            restartRun("crash", spec, urls.get(spec), Kind.CRASH, ProductFaults::crash);
        }
        for (String spec : hangs) {
            restartRun("hang", spec, urls.get(spec), Kind.UNHEALTHY, ProductFaults::freeze);
        }
        for (String spec : relapses) {
            badVersionRun(spec, urls.get(spec));
        }
        System.out.println("BENCH healing, " + RUNS + " runs per fault, settings " + System.getProperty(
                "benchmark.env", "(defaults)")
                + "\n| fault: measure | median (ms) | max (ms) | n |\n| --- | ---: | ---: | ---: |");
        figures.forEach((measure, values) -> {
            List<Long> sorted = values.stream().sorted().toList();
            System.out.printf("| %s | %d | %d | %d |%n", measure, sorted.get((sorted.size() - 1) / 2),
                    sorted.get(sorted.size() - 1), sorted.size());
        });
    }

    private interface Fault {
        long inject(Fleet fleet, String spec, int version);
    }

    /** A fault the monitor answers with a restart: kill -9 (CRASH) or SIGSTOP (UNHEALTHY). */
    private void restartRun(String fault, String spec, String url, Kind kind, Fault inject) throws Exception {
        MonitorTimers before = MonitorTimers.read(fleet, kind);
        Instant faulted = Instant.now();
        long old = inject.inject(fleet, spec, 1);
        Instant serving;
        try (ServingClock clock = ServingClock.watch(URI.create(url + "/health"), ServingClock.ok())) {
            serving = clock.await(WAIT);
        }
        IncidentDetected incident = FleetWatch.await(fleet, spec, IncidentDetected.class, i -> true, WAIT).data();
        CloudEvent<DeploymentCompleted> restart = FleetWatch.await(fleet, spec, DeploymentCompleted.class,
                d -> DeploymentCompleted.restartFor(incident.incidentId()).equals(d.cause()), WAIT);
        MonitorTimers after = awaitHealed(kind, before);
        long started = FleetProducts.of(fleet, spec, 1).stream().filter(p -> p.pid() != old)
                .mapToLong(p -> ProcStart.epochMillis(p.pid())).findFirst().orElseThrow();
        long incidentAt = incident.detectedAt().toEpochMilli();
        record(fault, "fault → incident", incidentAt - faulted.toEpochMilli());
        record(fault, "time to detect (monitor: first failed probe → incident)", after.detectMillisSince(before));
        record(fault, "incident → new process started (broker hop, deployer)", started - incidentAt);
        record(fault, "new process started → serving (product JVM start, ready, switch)",
                serving.toEpochMilli() - started);
        record(fault, "time to heal (monitor: incident → healthy probe)", after.healMillisSince(before));
        record(fault, "fault → restart announced (DeploymentCompleted)",
                restart.time().toEpochMilli() - faulted.toEpochMilli());
        record(fault, "**fault → serving again**", serving.toEpochMilli() - faulted.toEpochMilli());
        System.out.printf("BENCH %s %s: %s → %s, serving again after %d ms%n", fault, spec, incident.kind(),
                incident.action(), serving.toEpochMilli() - faulted.toEpochMilli());
    }

    /** v1 good, v2 deployed and killed at every start: the ladder restarts it, then rolls back to v1. */
    private void badVersionRun(String spec, String url) throws Exception {
        String id = FleetSupport.postJson(URI.create(url + "/todos"), "{\"title\":\"kept\"}").get("id").asText();
        submit(spec, true);
        FleetWatch.awaitRunning(fleet, spec, 2, WAIT);
        FleetWatch.awaitConsumed(fleet, spec, DeploymentCompleted.class, WAIT);
        try (ServingClock v1 = ServingClock.watch(URI.create(url + "/todos/" + id),
                response -> response.statusCode() == 200 && !response.body().contains("\"archived\""))) {
            Instant faulted = Instant.now();
            List<IncidentDetected> ladder = ProductFaults.crashAtEveryStart(fleet, spec, 2, WAIT);
            IncidentDetected rollback = ladder.get(ladder.size() - 1);
            if (rollback.action() != Remediation.ROLLBACK) {
                throw new AssertionError(spec + ": the ladder went " + ladder);
            }
            Instant serving = v1.await(WAIT);
            CloudEvent<DeploymentCompleted> back = FleetWatch.await(fleet, spec, DeploymentCompleted.class,
                    d -> DeploymentCompleted.rollbackFor(rollback.incidentId()).equals(d.cause()), WAIT);
            long at = faulted.toEpochMilli();
            record("bad version", "restarts before the rollback (count, not ms)", ladder.size() - 1);
            record("bad version", "fault → first incident", ladder.get(0).detectedAt().toEpochMilli() - at);
            record("bad version", "fault → rollback decided", rollback.detectedAt().toEpochMilli() - at);
            record("bad version", "rollback decided → v1 serving",
                    serving.toEpochMilli() - rollback.detectedAt().toEpochMilli());
            record("bad version", "fault → rollback announced (DeploymentCompleted)", back.time().toEpochMilli() - at);
            record("bad version", "**fault → last good version serving again**", serving.toEpochMilli() - at);
            System.out.printf("BENCH bad version %s: %s, v1 serving again after %d ms%n", spec,
                    ladder.stream().map(IncidentDetected::action).toList(), serving.toEpochMilli() - at);
        }
    }

    private MonitorTimers awaitHealed(Kind kind, MonitorTimers before) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        MonitorTimers now = MonitorTimers.read(fleet, kind);
        while (now.healed() <= before.healed() || now.detected() <= before.detected()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the monitor did not report the " + kind + " incident healed");
            }
            Thread.sleep(100);
            now = MonitorTimers.read(fleet, kind);
        }
        return now;
    }

    private void record(String fault, String measure, long value) {
        figures.computeIfAbsent(fault + ": " + measure, key -> new ArrayList<>()).add(value);
    }

    /** The todo example under another name; its second version adds {@code archived}, which v1 does not answer. */
    private static void submit(String spec, boolean secondVersion) {
        String document = ExampleSpecs.renamedText("todo.yaml", spec);
        if (secondVersion) {
            String last = "        - { name: estimate, type: integer, minimum: 0, maximum: 100 }\n";
            document = document.replace(last, last + "        - { name: archived, type: boolean, default: false }\n");
        }
        try (KafkaProducer<String, byte[]> producer = FleetSupport.producer(fleet.kafkaBootstrapServers())) {
            FleetSupport.publish(producer, spec, document);
        }
    }

    private static List<String> names(String fault) {
        return IntStream.range(0, RUNS).mapToObj(i -> "heal-" + fault + "-" + RUN + "-" + i).toList();
    }

    private static Map<String, String> env(String settings) {
        return Stream.of(settings.split(",")).filter(pair -> pair.contains("="))
                .collect(Collectors.toMap(pair -> pair.substring(0, pair.indexOf('=')),
                        pair -> pair.substring(pair.indexOf('=') + 1), (a, b) -> b, LinkedHashMap::new));
    }
}
