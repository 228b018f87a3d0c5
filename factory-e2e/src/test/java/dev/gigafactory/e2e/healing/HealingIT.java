package dev.gigafactory.e2e.healing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.codec.CloudEvent;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.IncidentDetected.Kind;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.contracts.events.ProductExited;
import dev.gigafactory.devstack.launcher.Fleet;
import dev.gigafactory.e2e.FleetProducts;
import dev.gigafactory.e2e.FleetSupport;
import dev.gigafactory.e2e.FleetWatch;
import dev.gigafactory.e2e.ProductFaults;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.gigafactory.e2e.SharedFleet;

/**
 * The loop closes, as a user sees it: the real monitor watches what the real deployer runs, and a product process
 * killed from outside is healed with no one calling anything: restarted at its stable URL with its data, or, when a
 * new version keeps crashing, rolled back to the version before it. The fleet runs the shipped probe and ladder
 * settings (a probe a second, an incident after 2 failures, 2 restarts of a version before it is rolled back).
 */
@ExtendWith(SharedFleet.class)
class HealingIT {

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private static Fleet fleet;

    @BeforeAll
    static void useSharedFleet() {
        fleet = SharedFleet.fleet();
    }

    @Test
    void aKilledProductIsRestartedAtItsStableUrlAndKeepsItsData() {
        String spec = "crash-" + RUN;
        submit(spec, notes(spec, false));
        String url = FleetWatch.awaitRunning(fleet, spec, 1, WAIT).get("url").asText();
        String id = create(url, "survives a crash");

        long killed = ProductFaults.crash(fleet, spec, 1);

        IncidentDetected crash = FleetWatch.await(fleet, spec, IncidentDetected.class, incident -> true, WAIT).data();
        assertThat(crash.kind()).as(crash.evidence()).isEqualTo(Kind.CRASH);
        assertThat(crash.action()).isEqualTo(Remediation.RESTART);
        ProductExited exit = FleetWatch.await(fleet, spec, ProductExited.class, reported -> true, WAIT).data();
        assertThat(exit.version()).isEqualTo(1);
        assertThat(exit.evidence()).as("the deployer reported the exit as it happened")
                .contains(" exited unexpectedly");
        DeploymentCompleted restart = FleetWatch.await(fleet, spec, DeploymentCompleted.class,
                deployment -> DeploymentCompleted.restartFor(crash.incidentId()).equals(deployment.cause()), WAIT)
                .data();
        assertThat(restart.succeeded()).as(restart.detail()).isTrue();
        assertThat(restart.url()).isEqualTo(url);
        assertThat(note(url, id).path("text").asText()).isEqualTo("survives a crash");
        assertThat(FleetProducts.of(fleet, spec)).hasSize(1).noneMatch(process -> process.pid() == killed);
        JsonNode status = FleetWatch.awaitStatus(fleet, spec,
                answer -> stages(answer).contains("healing") && answer.path("stage").asText().equals("running"),
                WAIT);
        assertThat(status.path("url").asText()).isEqualTo(url);
    }

    @Test
    void aNewVersionThatKeepsCrashingIsRolledBackAndTheLastGoodVersionServesAgain() {
        String spec = "relapse-" + RUN;
        submit(spec, notes(spec, false));
        String url = FleetWatch.awaitRunning(fleet, spec, 1, WAIT).get("url").asText();
        String id = create(url, "written by v1");
        FleetWatch.awaitProbedHealthy(url, WAIT); // only a version the monitor saw healthy is a rollback target
        submit(spec, notes(spec, true));
        FleetWatch.awaitRunning(fleet, spec, 2, WAIT);
        FleetWatch.awaitConsumed(fleet, spec, DeploymentCompleted.class, WAIT); // the monitor watches v2, not v1
        assertThat(note(url, id).has("pinned")).as("v2, which adds 'pinned', serves").isTrue();
        CodeGenerated v1Code = FleetWatch.await(fleet, spec, CodeGenerated.class, code -> code.version() == 1, WAIT)
                .data();
        CodeGenerated v2Code = FleetWatch.await(fleet, spec, CodeGenerated.class, code -> code.version() == 2, WAIT)
                .data();
        assertThat(v2Code.baseDigest()).as("v2 is built on the tree v1 passed with").isEqualTo(v1Code.sourceDigest());
        assertThat(v2Code.tasks()).contains("entity:Note").doesNotContain("runtime", "entry-point");
        assertThat(v2Code.filesWritten()).isLessThan(v2Code.fileCount());

        List<IncidentDetected> ladder = ProductFaults.crashAtEveryStart(fleet, spec, 2, WAIT);

        assertThat(ladder).extracting(IncidentDetected::kind).containsOnly(Kind.CRASH);
        assertThat(ladder).extracting(IncidentDetected::version).containsOnly(2);
        assertThat(ladder).extracting(IncidentDetected::action).startsWith(Remediation.RESTART)
                .endsWith(Remediation.ROLLBACK).doesNotContain(Remediation.REPLAN, Remediation.ESCALATE);
        String rollbackId = ladder.get(ladder.size() - 1).incidentId();
        CloudEvent<DeploymentCompleted> rolledBack = FleetWatch.await(fleet, spec, DeploymentCompleted.class,
                deployment -> DeploymentCompleted.rollbackFor(rollbackId).equals(deployment.cause()), WAIT);
        DeploymentCompleted back = rolledBack.data();
        assertThat(back.succeeded()).as(back.detail()).isTrue();
        assertThat(back.version()).isEqualTo(1);
        assertThat(back.url()).isEqualTo(url);
        JsonNode served = note(url, id);
        assertThat(served.path("text").asText()).isEqualTo("written by v1");
        assertThat(served.has("pinned")).as("v1 answers again: no 'pinned' in " + served).isFalse();
        assertThat(FleetProducts.of(fleet, spec, 2)).isEmpty();
        assertThat(FleetProducts.of(fleet, spec, 1)).hasSize(1);
        JsonNode v1 = FleetWatch.awaitStatus(fleet, spec + "/versions/1",
                status -> timeline(status).anyMatch(change -> change.path("eventId").asText().equals(rolledBack.id())
                        && change.path("stage").asText().equals("running")),
                WAIT);
        assertThat(v1.path("stage").asText()).isEqualTo("running");
        assertThat(v1.path("url").asText()).isEqualTo(url);
        JsonNode newest = FleetWatch.awaitStatus(fleet, spec, status -> status.path("stage").asText().equals("failed"),
                WAIT);
        assertThat(newest.path("version").asInt()).isEqualTo(2);
        assertThat(details(newest)).anyMatch(detail -> detail.startsWith("CRASH → ROLLBACK"))
                .last().isEqualTo("rolled back: v1 serves in its place at " + url);
    }

    /** A notes service; its second version adds {@code pinned}, so the version that answers shows in its JSON. */
    private static String notes(String spec, boolean pinned) {
        return """
                apiVersion: gigafactory.dev/v1alpha1
                kind: ServiceSpec
                metadata: { name: %s }
                spec:
                  entities:
                    - name: Note
                      fields:
                        - { name: text, type: string, required: true }
                """.formatted(spec) + (pinned ? "        - { name: pinned, type: boolean, default: false }\n" : "");
    }

    private static void submit(String spec, String document) {
        try (KafkaProducer<String, byte[]> producer = FleetSupport.producer(fleet.kafkaBootstrapServers())) {
            FleetSupport.publish(producer, spec, document);
        }
    }

    private static String create(String url, String text) {
        JsonNode created = FleetSupport.postJson(URI.create(url + "/notes"), "{\"text\":\"" + text + "\"}");
        assertThat(created).as("POST %s/notes", url).isNotNull();
        return created.get("id").asText();
    }

    private static JsonNode note(String url, String id) {
        JsonNode note = FleetSupport.getJson(URI.create(url + "/notes/" + id));
        assertThat(note).as("GET %s/notes/%s", url, id).isNotNull();
        return note;
    }

    private static Stream<JsonNode> timeline(JsonNode status) {
        return StreamSupport.stream(status.path("timeline").spliterator(), false);
    }

    private static List<String> stages(JsonNode status) {
        return timeline(status).map(change -> change.path("stage").asText()).toList();
    }

    private static List<String> details(JsonNode status) {
        return timeline(status).map(change -> change.path("detail").asText()).toList();
    }
}
