package dev.gigafactory.deployer.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ArtifactResourceTest {

    @Inject
    ArtifactStore artifacts;

    @Test
    void servesAStoredArtifactByItsDigestForTheClustersPods() {
        byte[] jar = "a tested jar".getBytes(StandardCharsets.UTF_8);
        String hex = artifacts.put(jar).substring("sha256:".length());

        byte[] served = given().get("/api/artifacts/" + hex).then().statusCode(200).extract().asByteArray();

        assertThat(served).isEqualTo(jar);
        given().get("/api/artifacts/" + "0".repeat(64)).then().statusCode(404);
        given().get("/api/artifacts/not-a-digest").then().statusCode(404);
    }
}
