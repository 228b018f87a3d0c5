package dev.gigafactory.intake.rest;

import static dev.gigafactory.intake.PipelineEvents.coded;
import static dev.gigafactory.intake.PipelineEvents.deployed;
import static dev.gigafactory.intake.PipelineEvents.incident;
import static dev.gigafactory.intake.PipelineEvents.ledger;
import static dev.gigafactory.intake.PipelineEvents.planned;
import static dev.gigafactory.intake.PipelineEvents.tested;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import dev.gigafactory.intake.Specs;
import dev.gigafactory.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's JSON: one answer with everything the spec page shows, and the settings the pages follow. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ConsoleApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PRODUCT = "http://127.0.0.1:4321";

    @TestHTTPResource("/api/console/events")
    URL events;
    private KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = KafkaTestClient.fromConfig();
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aSpecsOverviewHasItsTestsDeploymentsIncidentsAndCost() {
        String name = "console-flow";
        SpecAccepted accepted = submit(name);
        kafka.publish(planned(name, 1, 1, accepted.document()));
        kafka.publish(coded(name, 1, 1, accepted.document()));
        kafka.publish(tested(name, 1, 1, false, accepted.document()));
        kafka.publish(planned(name, 1, 2, accepted.document()));
        kafka.publish(coded(name, 1, 2, accepted.document()));
        kafka.publish(tested(name, 1, 2, true, accepted.document()));
        kafka.publish(deployed(name, 1, 2, PRODUCT, DeploymentCompleted.DEPLOY));
        kafka.publish(incident(name, 1, "inc-1", IncidentDetected.Remediation.RESTART));
        kafka.publish(deployed(name, 1, 2, PRODUCT, DeploymentCompleted.restartFor("inc-1")));
        LedgerEntryRecorded call = ledger(name, 1, "call-1", 1_000, 200, "0.0120");
        kafka.publish(call);
        kafka.publish(call); // a duplicate: counted once
        kafka.publish(ledger(name, 1, "call-2", 500, 100, "0.0060"));

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/console/specs/" + name).then().statusCode(200)
                .body("stage", equalTo("running"), "ledger.total.calls", equalTo(2),
                        "incidents[0].healing.outcome", equalTo("healed")));
        JsonPath overview = given().get("/api/console/specs/" + name).then().extract().jsonPath();

        assertThat(overview.getList("pipeline.stage")).containsExactly("submitted", "accepted", "planned", "coded",
                "tested", "deployed", "running");
        assertThat(overview.getList("pipeline.at")).doesNotContainNull();
        assertThat(overview.getString("links.product")).isEqualTo(PRODUCT);
        assertThat(overview.getList("tests.attempt")).containsExactly(2, 1);
        assertThat(overview.getString("tests[1].cases[1].steps[1].actualBody")).contains("Not found");
        assertThat(overview.getInt("tests[1].cases[1].steps[1].actualStatus")).isEqualTo(404);
        assertThat(overview.getList("deployments.kind")).containsExactly("restart", "release");
        assertThat(overview.getString("incidents[0].healing.detail")).isEqualTo("restarted, serving at " + PRODUCT);
        assertThat(overview.getLong("ledger.total.promptTokens")).isEqualTo(1_500);
        assertThat(overview.getDouble("ledger.total.costUsd")).isEqualTo(0.018);
        assertThat(overview.getList("versions.version")).containsExactly(1);
        assertThat(overview.getList("versions[0].timeline.stage")).contains("healing", "running");

        JsonPath status = given().get("/api/specs/" + name).then().statusCode(200).extract().jsonPath();
        assertThat(status.getInt("spend.calls")).isEqualTo(2);
        assertThat(status.getLong("spend.completionTokens")).isEqualTo(300);
        assertThat(status.getDouble("spend.costUsd")).isEqualTo(0.018);
        assertThat(given().get("/q/metrics").asString())
                .containsPattern(
                        "factory_agent_calls_total\\{model=\"claude-test\",spec=\"" + name + "\"\\} 2(\\.0)?[ \n]")
                .containsPattern("factory_spend_tokens_total\\{kind=\"prompt\",model=\"claude-test\",spec=\""
                        + name + "\"\\} 1500(\\.0)?[ \n]")
                .containsPattern("factory_spend_usd_total\\{model=\"claude-test\",spec=\"" + name
                        + "\"\\} 0\\.018\\d*[ \n]");
    }

    @Test
    void theChangeListOfEachVersionIsAgainstTheOneBefore() {
        String name = "console-versions";
        submit(name);
        given().contentType("application/yaml").body(Specs.bytes(Specs.withExtraField(name))).post("/api/specs")
                .then().statusCode(202);
        kafka.awaitEvent(SpecAccepted.class, e -> e.spec().equals(name) && e.version() == 2, WAIT);

        given().get("/api/console/specs/" + name).then().statusCode(200)
                .body("version", equalTo(2), "versions.version", hasItems(2, 1),
                        "versions[0].changes[0].change", equalTo("ADDED"),
                        "versions[0].changes", hasSize(1), "versions[0].changes[0].path", containsString("pinned"));
    }

    @Test
    void aRejectionAnswersEachProblemWithItsLineAndStaysOnTheSpecsPage() {
        String name = "console-bad";
        given().contentType("application/yaml").body(Specs.bytes(Specs.invalid(name))).post("/api/specs").then()
                .statusCode(422)
                .body("errors.find { it.pointer == '/spec/entities/0/fields/0/type' }.line", equalTo(8),
                        "errors.find { it.pointer == '/spec/entities/0/name' }.line", equalTo(6));

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/console/specs/" + name).then().statusCode(200)
                .body("stage", equalTo("rejected"), "rejections[0].problems.pointer",
                        hasItem("/spec/entities/0/fields/0/type"), "rejections[0].source", equalTo("rest")));
    }

    @Test
    void settingsSayWritesAreOpenAndNoGrafanaIsConfigured() {
        given().get("/api/console").then().statusCode(200)
                .body("writesGuarded", equalTo(false), "grafanaUrl", nullValue(), "stages", hasItems("running",
                        "rejected"));
    }

    @Test
    void anUnknownSpecIsNotFound() {
        given().get("/api/console/specs/nobody-here").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/console/specs/Not_A_Name").then().statusCode(404);
    }

    @Test
    void thePagesAreServedAtTheRootAndLoadNothingFromElsewhere() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("<main id=\"main\""), containsString("/console/specs.js"));
        for (String page : new String[]{"/", "/spec.html", "/submit.html"}) {
            assertThat(given().get(page).then().statusCode(200).extract().asString()).as(page)
                    .contains("http-equiv=\"Content-Security-Policy\" content=\"default-src 'self';")
                    .doesNotContainPattern("(src|href)=\"(https?:)?//");
        }
        for (String asset : new String[]{"/console/common.js", "/console/console.css", "/console/specs.js",
                "/console/spec.js", "/console/tests.js", "/console/submit.js"}) {
            assertThat(given().get(asset).then().statusCode(200).extract().asString()).as(asset)
                    .doesNotContainPattern("(import|url\\()[^;]*//");
        }
    }

    @Test
    void oneStreamFollowsTheChangesOfEverySpec() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest subscribe = HttpRequest.newBuilder(URI.create(events.toString()))
                .header("Accept", "text/event-stream").build();
        var stream = HttpClient.newHttpClient().sendAsync(subscribe, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));
        Thread.sleep(500); // let the subscription reach the server before anything happens

        submit("console-all-one");
        submit("console-all-two");

        await().atMost(WAIT).until(() -> lines.stream().anyMatch(line -> line.contains("\"console-all-one\""))
                && lines.stream().anyMatch(line -> line.contains("\"console-all-two\"")));
        assertThat(lines).filteredOn(line -> line.startsWith("data:")).anyMatch(line -> line.contains(
                "\"stage\":\"accepted\""));
        stream.cancel(true);
    }

    private SpecAccepted submit(String name) {
        given().contentType("application/yaml").body(Specs.bytes(Specs.yaml(name))).post("/api/specs").then()
                .statusCode(202);
        return kafka.awaitEvent(SpecAccepted.class, e -> e.spec().equals(name), WAIT);
    }
}
