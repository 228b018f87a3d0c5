package dev.gigafactory.monitor.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.IncidentDetected.Kind;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.contracts.product.ProductProcess;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import dev.gigafactory.monitor.domain.Incident;
import dev.gigafactory.monitor.domain.Incident.Status;
import dev.gigafactory.monitor.testing.Products;
import dev.gigafactory.testsupport.FixtureProducts;
import dev.gigafactory.testsupport.KafkaClientPerTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real products killed under the monitor; the test plays the deployer, answering RESTART and ROLLBACK. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class RemediationTest extends KafkaClientPerTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Fleet fleet;

    @Inject
    IncidentDesk desk;

    @Inject
    MonitorStore store;

    private final Set<String> seen = new HashSet<>();
    private Products products;

    @BeforeEach
    void setUp() throws Exception {
        products = new Products();
    }

    @AfterEach
    void tearDown() {
        products.close();
    }

    @Test
    void aKilledProductIsRestartedAndTheIncidentHealsWithItsTimeToHealRecorded() throws Exception {
        String spec = newSpec();
        ProductProcess product = products.start(FixtureProducts.jar("heal"));
        kafka.publish(Products.deployed(spec, 1, product.baseUrl(), DeploymentCompleted.DEPLOY));
        await().atMost(WAIT).until(() -> fleet.watched(spec).isPresent());

        product.stop(Duration.ofSeconds(5));
        IncidentDetected crash = next(spec, Remediation.RESTART);
        assertThat(crash.kind()).isEqualTo(Kind.CRASH);

        ProductProcess restarted = products.start(FixtureProducts.jar("heal"));
        kafka.publish(
                Products.deployed(spec, 1, restarted.baseUrl(), DeploymentCompleted.restartFor(crash.incidentId())));
        await().atMost(WAIT).until(() -> desk.unresolved(spec, Kind.CRASH).isEmpty());

        Incident healed = persisted(spec).get(crash.incidentId());
        assertThat(healed.status()).isEqualTo(Status.HEALED);
        assertThat(healed.remediatedAt()).isNotNull();
        assertThat(healed.healedAt()).isAfter(healed.detectedAt());
        assertThat(healed.firstFailureAt()).isBefore(healed.detectedAt());
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("factory_time_to_heal_seconds_count{kind=\"CRASH\""))
                .body(containsString("factory_time_to_detect_seconds_count{kind=\"CRASH\""));
    }

    @Test
    void aProductThatKeepsCrashingClimbsTheLadderToRollbackReplanAndEscalation() throws Exception {
        String spec = newSpec();
        ProductProcess good = products.start(FixtureProducts.jar("good"));
        kafka.publish(Products.deployed(spec, 1, good.baseUrl(), DeploymentCompleted.DEPLOY));
        await().atMost(WAIT).until(() -> fleet.rollbackPossible(spec, 2)); // v1 was seen healthy
        ProductProcess bad = products.start(FixtureProducts.jar("bad"));
        kafka.publish(Products.deployed(spec, 2, bad.baseUrl(), DeploymentCompleted.DEPLOY));
        await().atMost(WAIT).until(() -> fleet.watched(spec).orElseThrow().version() == 2);

        for (int restart = 0; restart < 2; restart++) {
            bad.stop(Duration.ofSeconds(5));
            IncidentDetected incident = next(spec, Remediation.RESTART);
            bad = products.start(FixtureProducts.jar("bad"));
            kafka.publish(Products.deployed(spec, 2, bad.baseUrl(),
                    DeploymentCompleted.restartFor(incident.incidentId())));
            await().atMost(WAIT).until(() -> desk.unresolved(spec, Kind.CRASH).isEmpty());
        }
        bad.stop(Duration.ofSeconds(5));
        IncidentDetected rollback = next(spec, Remediation.ROLLBACK);
        assertThat(rollback.version()).isEqualTo(2);

        // the deployer could not bring v1 back: the ladder goes on to replanning, then to a human
        kafka.publish(Products.deployed(spec, 1, null, DeploymentCompleted.rollbackFor(rollback.incidentId())));
        IncidentDetected replan = next(spec, Remediation.REPLAN);
        IncidentDetected escalate = next(spec, Remediation.ESCALATE);

        assertThat(escalate.version()).isEqualTo(2);
        Map<String, Incident> history = persisted(spec);
        assertThat(history.get(rollback.incidentId()).step()).isEqualTo(3);
        assertThat(history.get(replan.incidentId()).step()).isEqualTo(4);
        assertThat(history.get(escalate.incidentId())).satisfies(i -> {
            assertThat(i.step()).isEqualTo(5);
            assertThat(i.status()).isEqualTo(Status.ESCALATED);
        });
    }

    /** The next incident of this spec with this action, not one already seen. */
    private IncidentDetected next(String spec, Remediation action) {
        IncidentDetected incident = kafka.awaitEvent(IncidentDetected.class,
                i -> i.spec().equals(spec) && i.action() == action && !seen.contains(i.incidentId()), WAIT);
        seen.add(incident.incidentId());
        return incident;
    }

    private Map<String, Incident> persisted(String spec) {
        return store.incidentsSince(Instant.now().minus(Duration.ofHours(1))).stream()
                .filter(i -> i.spec().equals(spec))
                .collect(Collectors.toMap(Incident::id, Function.identity()));
    }

    private static String newSpec() {
        return "heal-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
