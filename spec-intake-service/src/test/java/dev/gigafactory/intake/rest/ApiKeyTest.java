package dev.gigafactory.intake.rest;

import static io.restassured.RestAssured.given;

import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import dev.gigafactory.intake.GuardedWrites;
import dev.gigafactory.intake.Specs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GuardedWrites.class)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ApiKeyTest {

    @Test
    void writesNeedAValidBearerKey() {
        given().contentType("application/yaml").body(Specs.bytes(Specs.yaml("keyed"))).post("/api/specs").then()
                .statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer wrong").contentType("application/yaml")
                .body(Specs.bytes(Specs.yaml("keyed")))
                .post("/api/specs").then().statusCode(401);

        given().header("Authorization", "Bearer k-two").contentType("application/yaml")
                .body(Specs.bytes(Specs.yaml("keyed")))
                .post("/api/specs").then().statusCode(202);
    }

    @Test
    void aRetryIsAWriteToo() {
        given().post("/api/specs/keyed/retry").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer k-one").post("/api/specs/keyed-unknown/retry").then().statusCode(404);
    }

    @Test
    void readsStayOpen() {
        given().when().get("/api/specs").then().statusCode(200);
    }
}
