package dev.gigafactory.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import dev.gigafactory.intake.Specs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.quarkus.test.common.http.TestHTTPResource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class SpecApiTest {

    @TestHTTPResource
    URL root;

    private int testPort;

    @BeforeEach
    void port() {
        testPort = root.getPort();
    }

    @Test
    void acceptsAYamlSpecAsItsFirstVersion() {
        given().contentType("application/yaml").body(Specs.bytes(Specs.yaml("api-first")))
                .when().post("/api/specs")
                .then().statusCode(202)
                .body("name", equalTo("api-first"), "version", equalTo(1), "status", equalTo("/api/specs/api-first"));
    }

    @Test
    void recognisesAnIdenticalResubmissionInAnotherFormat() {
        given().contentType("application/yaml").body(Specs.bytes(Specs.yaml("api-same"))).post("/api/specs").then()
                .statusCode(202);

        given().contentType("application/json").body(Specs.bytes(Specs.sameAsJson("api-same")))
                .when().post("/api/specs")
                .then().statusCode(200)
                .body("version", equalTo(1), "unchanged", equalTo(true), "message", containsString("version 1"));
    }

    @Test
    void aChangedDocumentBecomesTheNextVersionWithItsChangeList() {
        given().contentType("application/yaml").body(Specs.bytes(Specs.yaml("api-change"))).post("/api/specs").then()
                .statusCode(202);

        given().contentType("application/yaml").body(Specs.bytes(Specs.withExtraField("api-change")))
                .when().post("/api/specs")
                .then().statusCode(202).body("version", equalTo(2));

        given().when().get("/api/specs/api-change/versions/2")
                .then().statusCode(200)
                .body("version", equalTo(2), "document.metadata.name", equalTo("api-change"),
                        "changes.path", hasItem("Note.pinned"), "changes.change", hasItem("ADDED"));
    }

    @Test
    void rejectsAnInvalidSpecListingEveryProblemWithItsPointer() {
        given().contentType("application/yaml").body(Specs.bytes(Specs.invalid("api-bad")))
                .when().post("/api/specs")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422),
                        "errors.pointer", hasItems("/spec/entities/0/name", "/spec/entities/0/fields/0/type"));
    }

    @Test
    void refusesAVersionOnAnotherStackNamingTheStackItIsOn() {
        given().contentType("application/yaml").body(Specs.bytes(Specs.onStack("api-stack", "quarkus")))
                .post("/api/specs").then().statusCode(202).body("version", equalTo(1));

        given().contentType("application/yaml").body(Specs.bytes(Specs.withExtraField("api-stack")))
                .when().post("/api/specs")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.pointer", equalTo(java.util.List.of("/spec/stack")),
                        "errors[0].message", containsString("from 'quarkus'"),
                        "errors[0].message", containsString("to 'jdk-http'"),
                        "errors[0].message", containsString("under a new name"));

        given().when().get("/api/specs/api-stack/versions/2").then().statusCode(404);
        given().contentType("application/yaml")
                .body(Specs.bytes(Specs.withExtraField("api-stack").replace("spec:\n", "spec:\n  stack: quarkus\n")))
                .when().post("/api/specs")
                .then().statusCode(202).body("version", equalTo(2));
    }

    @Test
    void refusesABodyOverTheLimitBeforeReadingIt() throws Exception {
        // Only the headers are sent: the answer must come before any of the body is read.
        try (Socket socket = new Socket("127.0.0.1", testPort)) {
            socket.setSoTimeout(10_000);
            String request = "POST /api/specs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\n"
                    + "Content-Length: " + (300 * 1024) + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();

            assertThat(statusLine).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void refusesGarbageWithAProblemNotAServerError() {
        given().contentType("application/json").body(new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1})
                .when().post("/api/specs")
                .then().statusCode(422).body("errors[0].pointer", equalTo(""),
                        "errors[0].message", containsString("UTF-8"));
    }

    @Test
    void showsTheStageAndTimelineOfASubmittedSpec() {
        given().contentType("application/yaml").body(Specs.bytes(Specs.yaml("api-status"))).post("/api/specs").then()
                .statusCode(202);

        given().when().get("/api/specs/api-status")
                .then().statusCode(200)
                .body("name", equalTo("api-status"), "version", equalTo(1), "url", nullValue(),
                        "timeline[0].stage", equalTo("submitted"));
    }

    @Test
    void answersNotFoundForAnUnknownOrIllegalName() {
        given().when().get("/api/specs/never-submitted").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/specs/..%2F..%2Fetc").then().statusCode(404);
        given().when().get("/api/specs/api-first/versions/99").then().statusCode(404);
    }

    @Test
    void listsSpecsFilteredByStage() {
        given().contentType("application/yaml").body(Specs.bytes(Specs.yaml("api-list"))).post("/api/specs").then()
                .statusCode(202);

        given().when().get("/api/specs?size=500")
                .then().statusCode(200).body("items.name", hasItem("api-list"), "size", equalTo(500));
        given().when().get("/api/specs?stage=nonsense").then().statusCode(400)
                .body("detail", containsString("stage must be one of"));
        given().when().get("/api/specs?size=0").then().statusCode(400);
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/specs"));
    }
}
