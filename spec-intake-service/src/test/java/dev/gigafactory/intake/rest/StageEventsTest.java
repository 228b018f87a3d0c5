package dev.gigafactory.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import dev.gigafactory.intake.Specs;
import dev.gigafactory.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Stage changes as they happen, over Server-Sent Events. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class StageEventsTest {

    @TestHTTPResource("/api/specs/sse-flow/events")
    URL events;

    @Test
    void streamsEachStageChangeOfOneSpec() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest subscribe = HttpRequest.newBuilder(URI.create(events.toString()))
                .header("Accept", "text/event-stream").build();
        var stream = HttpClient.newHttpClient().sendAsync(subscribe, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    try (Stream<String> body = response.body()) {
                        body.forEach(lines::add);
                    }
                });
        Thread.sleep(500); // let the subscription reach the server before anything happens

        given().contentType("application/yaml").body(Specs.bytes(Specs.yaml("sse-flow"))).post("/api/specs").then()
                .statusCode(202);
        given().contentType("application/yaml").body(Specs.bytes(Specs.yaml("sse-other"))).post("/api/specs").then()
                .statusCode(202);
        try (KafkaTestClient kafka = KafkaTestClient.fromConfig()) {
            SpecAccepted accepted = kafka.awaitEvent(SpecAccepted.class, e -> e.spec().equals("sse-flow"),
                    Duration.ofSeconds(30));
            kafka.publish(new PlanCreated("sse-flow", 1, 1, PlanCreated.PlanKind.INITIAL, accepted.document(),
                    List.of(), List.of(), "version 1"));
        }

        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> lines.stream()
                .anyMatch(line -> line.contains("\"stage\":\"planned\"")));
        stream.cancel(true);
        assertThat(lines).filteredOn(line -> line.startsWith("data:")).allSatisfy(line -> assertThat(line)
                .contains("\"name\":\"sse-flow\""));
        assertThat(lines).anyMatch(line -> line.contains("\"stage\":\"accepted\""));
    }
}
