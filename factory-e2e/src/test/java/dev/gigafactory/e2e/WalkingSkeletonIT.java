package dev.gigafactory.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.acceptance.AcceptanceRunner;
import dev.gigafactory.contracts.acceptance.Deadline;
import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.contracts.validation.SpecValidator;
import dev.gigafactory.devstack.launcher.Fleet;
import dev.gigafactory.testsupport.ExampleSpecs;
import dev.gigafactory.testsupport.ProductClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole loop, as a user sees it: the six services as separate processes on a real broker, a spec published to
 * the intake topic with a plain Kafka producer, and the deployed service passing the spec's own acceptance steps when
 * called over HTTP from here.
 */
@ExtendWith(SharedFleet.class)
class WalkingSkeletonIT {

    private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(4);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path repo;
    private static Fleet fleet;

    @BeforeAll
    static void useSharedFleet() {
        repo = Fleet.findRepoRoot(Path.of("").toAbsolutePath());
        fleet = SharedFleet.fleet();
    }

    @Test
    void aSpecPublishedToTheIntakeTopicBecomesARunningServiceThatPassesItsAcceptanceSteps() throws Exception {
        byte[] document = ExampleSpecs.bytes("todo.yaml");
        ServiceSpec spec = new SpecValidator().validate(document).spec();

        publish(document);
        String url = awaitRunning("todo");

        List<CaseResult> results = new AcceptanceRunner(Duration.ofSeconds(10)).run(url, spec.spec().acceptance(),
                Deadline.after(Duration.ofMinutes(1)));
        assertThat(results).as("acceptance results against " + url).hasSize(spec.spec().acceptance().size())
                .allSatisfy(result -> assertThat(result.passed()).as(Json.writeString(result)).isTrue());
        ProductClient.Answer list = new ProductClient(url).get("/todos");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().isArray()).isTrue();
    }

    private static void publish(byte[] document) {
        try (KafkaProducer<String, byte[]> producer = FleetSupport.producer(fleet.kafkaBootstrapServers())) {
            FleetSupport.publish(producer, "todo", new String(document, StandardCharsets.UTF_8));
        }
    }

    /** Polls the status API the way a user would, until the spec runs; on failure says where it got stuck. */
    private static String awaitRunning(String name) throws Exception {
        Deadline deadline = Deadline.after(PIPELINE_TIMEOUT);
        URI status = fleet.url("spec-intake-service").resolve("/api/specs/" + name);
        String last = "no answer yet";
        while (!deadline.passed()) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(status).build(),
                    HttpResponse.BodyHandlers.ofString());
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
