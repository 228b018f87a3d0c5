package dev.gigafactory.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.acceptance.Deadline;
import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.devstack.launcher.Fleet;
import dev.gigafactory.devstack.launcher.FleetOptions;
import dev.gigafactory.testsupport.ChatCompletionsStub;
import dev.gigafactory.testsupport.ChatCompletionsStub.Reply;
import dev.gigafactory.testsupport.ChatCompletionsStub.Request;
import dev.gigafactory.testsupport.ExampleSpecs;
import dev.gigafactory.testsupport.MemosReplies;
import dev.gigafactory.testsupport.ProductClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A failed attempt repaired from its evidence, through the whole fleet: the coder's LLM agent talks to a
 * chat-completions stub in this JVM that misses the spec's prose rule until it is shown the failing step; attempt 1
 * fails the release gate, the planner's repair carries the step's request, expected and actual answer, attempt 2
 * enforces the rule, and the running product refuses what the rule forbids. The same on the quarkus stack: one agent,
 * one hook contract, either product.
 */
class RepairFromEvidenceIT {

    // a quarkus attempt's gate builds it with Maven: twice here, on a busy 2-core machine
    private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(8);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    // the package of the memos spec's product under the name memos-quarkus
    private static final String QUARKUS_PACKAGE = "dev.gigafactory.product.memosquarkus";
    private static String spec;
    private static ChatCompletionsStub stub;
    private static Fleet fleet;

    @BeforeAll
    static void startFleet() throws Exception {
        // A model that only gets the rule once a repair prompt shows it the failed run.
        stub = ChatCompletionsStub.start().respond(request -> {
            String product = request.conversation().contains(QUARKUS_PACKAGE) ? QUARKUS_PACKAGE : MemosReplies.PACKAGE;
            return Reply.completion(isRepair(request)
                    ? MemosReplies.enforcesTheRule(product)
                    : MemosReplies.missesTheRule(product), 200, 80);
        });
        Path repo = Fleet.findRepoRoot(Path.of("").toAbsolutePath());
        spec = Files.readString(repo.resolve(MemosReplies.SPEC_FILE));
        fleet = Fleet.start(FleetOptions.defaults(repo).withStateDir(Files.createTempDirectory("gigafactory-repair-"))
                .withEnv(Map.of("CODER_LLM_BASE_URL", stub.baseUrl(), "CODER_LLM_MODEL", "stub-model")));
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void aFailedAttemptIsRepairedFromItsEvidenceAndTheRunningProductEnforcesTheRule() throws Exception {
        try (KafkaProducer<String, byte[]> producer = FleetSupport.producer(fleet.kafkaBootstrapServers())) {
            FleetSupport.publish(producer, "memos", spec);
        }

        ProductClient memos = new ProductClient(awaitRunning("memos"));

        assertThat(memos.post("/memos", "{\"title\":\"a forbidden memo\"}").status()).isEqualTo(400);
        assertThat(memos.post("/memos", "{\"title\":\"a fine memo\"}").status()).isEqualTo(201);
        JsonNode plans = FleetSupport.getJson(fleet.url("planner-service").resolve("/api/plans/memos/versions/1"));
        assertThat(plans.path("plans").findValuesAsText("kind")).containsExactly("INITIAL", "REPAIR");
        List<Request> repairs = stub.requests().stream().filter(RepairFromEvidenceIT::isRepair).toList();
        assertThat(repairs).first().satisfies(repair -> assertThat(repair.conversation())
                .contains("'a forbidden title is refused' step 0: POST /memos with body")
                .contains("expected: status 400", "actual: status 201")
                .contains("// every memo is fine"));
    }

    @Test
    void theSameRepairOnTheQuarkusStackGivesARunningQuarkusProductThatEnforcesTheRule() throws Exception {
        String quarkus = ExampleSpecs.renamedText("memos.yaml", "memos-quarkus").replaceFirst("(?m)^spec:\\s*$",
                "spec:\n  stack: quarkus");
        try (KafkaProducer<String, byte[]> producer = FleetSupport.producer(fleet.kafkaBootstrapServers())) {
            FleetSupport.publish(producer, "memos-quarkus", quarkus);
        }

        ProductClient memos = new ProductClient(awaitRunning("memos-quarkus"));

        ProductClient.Answer refused = memos.post("/memos", "{\"title\":\"a forbidden memo\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(memos.post("/memos", "{\"title\":\"a fine memo\"}").status()).isEqualTo(201);
        assertThat(memos.get("/q/openapi").status()).as("a quarkus product").isEqualTo(200);
        JsonNode plans = FleetSupport
                .getJson(fleet.url("planner-service").resolve("/api/plans/memos-quarkus/versions/1"));
        assertThat(plans.path("plans").findValuesAsText("kind")).containsExactly("INITIAL", "REPAIR");
    }

    private static boolean isRepair(Request request) {
        return request.conversation().contains("of this service was built and tested, and it failed");
    }

    /** Polls the status API as a user would, until the spec runs; on failure says where it got stuck. */
    private static String awaitRunning(String name) throws Exception {
        Deadline deadline = Deadline.after(PIPELINE_TIMEOUT);
        URI status = fleet.url("spec-intake-service").resolve("/api/specs/" + name);
        URI planner = fleet.url("planner-service").resolve("/api/plans/" + name + "/versions/1");
        String last = "no answer yet";
        while (!deadline.passed()) {
            JsonNode plans = FleetSupport.getJson(planner);
            if (plans != null && "failed".equals(plans.path("state").asText())) {
                throw new AssertionError("the planner gave " + name + " up: " + plans.path("abandonedReason")
                        + "; logs in " + fleet.stateDir());
            }
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(status).build(),
                    HttpResponse.BodyHandlers.ofString());
            last = answer.statusCode() + " " + answer.body();
            if (answer.statusCode() == 200) {
                JsonNode body = Json.read(answer.body(), JsonNode.class);
                if ("running".equals(body.path("stage").asText()) && body.hasNonNull("url")) {
                    return body.get("url").asText();
                }
                assertThat(body.path("stage").asText()).as("stage of %s: %s", name, last).isNotIn("rejected");
            }
            Thread.sleep(250);
        }
        throw new AssertionError("spec " + name + " was not running within " + PIPELINE_TIMEOUT + "; last status: "
                + last + "; logs in " + fleet.stateDir());
    }
}
