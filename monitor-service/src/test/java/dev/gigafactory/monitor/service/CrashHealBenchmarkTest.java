package dev.gigafactory.monitor.service;

import static org.awaitility.Awaitility.await;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.IncidentDetected.Kind;
import dev.gigafactory.contracts.product.ProductProcess;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import dev.gigafactory.monitor.domain.Incident;
import dev.gigafactory.monitor.testing.Products;
import dev.gigafactory.testsupport.FixtureProducts;
import dev.gigafactory.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A harness, not a test: {@code -Dbenchmark=true -Dtest=CrashHealBenchmarkTest}. Kills a product, answers the
 * RESTART the way the deployer would (start it again, announce it), and prints kill → incident, first failed probe
 * → incident (time to detect) and incident → healthy (time to heal) per run, with the default probe settings.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class CrashHealBenchmarkTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Fleet fleet;

    @Inject
    IncidentDesk desk;

    @Inject
    MonitorStore store;

    @Test
    void crashToHealed() throws Exception {
        try (KafkaTestClient kafka = KafkaTestClient.fromConfig(); Products products = new Products()) {
            for (int run = 0; run < Integer.getInteger("benchmark.runs", 5); run++) {
                String spec = "bench-" + UUID.randomUUID().toString().substring(0, 8);
                ProductProcess product = products.start(FixtureProducts.jar("bench"));
                kafka.publish(Products.deployed(spec, 1, product.baseUrl(), DeploymentCompleted.DEPLOY));
                await().atMost(WAIT).until(() -> fleet.watched(spec).isPresent());
                Thread.sleep(1500); // let it be probed healthy first

                Instant killed = Instant.now();
                product.stop(Duration.ofSeconds(5));
                IncidentDetected incident = kafka.awaitEvent(IncidentDetected.class, i -> i.spec().equals(spec), WAIT);
                Instant seen = Instant.now();
                ProductProcess restarted = products.start(FixtureProducts.jar("bench"));
                kafka.publish(Products.deployed(spec, 1, restarted.baseUrl(),
                        DeploymentCompleted.restartFor(incident.incidentId())));
                await().pollInterval(Duration.ofMillis(20)).atMost(WAIT)
                        .until(() -> desk.unresolved(spec, Kind.CRASH).isEmpty());
                Instant healed = Instant.now();
                Incident stored = store.incidentsSince(killed.minusSeconds(60)).stream()
                        .filter(i -> i.id().equals(incident.incidentId())).findFirst().orElseThrow();
                System.out.printf("BENCH run %d: kill→incident %d ms, time to detect %d ms, time to heal %d ms "
                        + "(of which restart by the harness %d ms), kill→healed %d ms%n", run,
                        Duration.between(killed, stored.detectedAt()).toMillis(),
                        Duration.between(stored.firstFailureAt(), stored.detectedAt()).toMillis(),
                        Duration.between(stored.detectedAt(), stored.healedAt()).toMillis(),
                        Duration.between(seen, stored.remediatedAt()).toMillis(),
                        Duration.between(killed, healed).toMillis());
                restarted.stop(Duration.ofSeconds(5));
            }
        }
    }
}
