package dev.gigafactory.intake.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.SpecRetired;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import dev.gigafactory.intake.Specs;
import dev.gigafactory.testsupport.Deployments;
import dev.gigafactory.testsupport.KafkaClientPerTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A retired spec (its ServiceSpec resource deleted) shows as retired, and the same document submitted again (the
 * resource applied again from the same file) is a new version, not an unchanged resubmission that builds nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class RetirementTest extends KafkaClientPerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aRetiredSpecSubmittedAgainUnchangedIsANewVersion() {
        String name = "retire-again";
        submit(name, 202);
        kafka.awaitEvent(SpecAccepted.class, e -> e.spec().equals(name) && e.version() == 1, WAIT);
        kafka.publish(Deployments.of(name, 1).url("http://127.0.0.1:1234").artifact("sha256:" + "b".repeat(64))
                .detail("healthy")
                .build());
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/specs/" + name).then()
                .body("stage", equalTo("running")));
        submit(name, 200);

        kafka.publish(new SpecRetired(name, 1, 0, "uid-1", "operator", Instant.now()));

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/specs/" + name).then()
                .body("version", equalTo(1), "stage", equalTo("retired")));
        submit(name, 202);
        SpecAccepted again = kafka.awaitEvent(SpecAccepted.class, e -> e.spec().equals(name) && e.version() == 2,
                WAIT);
        assertThat(again.digest()).as("the same document, so the same digest").isEqualTo(
                kafka.awaitEvent(SpecAccepted.class, e -> e.spec().equals(name) && e.version() == 1, WAIT).digest());
        given().get("/api/specs/" + name + "/versions/1").then().body("stage", equalTo("retired"));
    }

    @Test
    void aRetirementThatKnewNoVersionRetiresTheNewest() {
        String name = "retire-unknown";
        submit(name, 202);
        kafka.awaitEvent(SpecAccepted.class, e -> e.spec().equals(name), WAIT);

        // the operator had not seen the version reach the resource's status: version 0
        kafka.publish(new SpecRetired(name, 0, 0, "uid-2", "operator", Instant.now()));

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/specs/" + name).then()
                .body("version", equalTo(1), "stage", equalTo("retired")));
    }

    private static void submit(String name, int status) {
        given().contentType("application/yaml").body(Specs.bytes(Specs.yaml(name))).post("/api/specs").then()
                .statusCode(status);
    }
}
