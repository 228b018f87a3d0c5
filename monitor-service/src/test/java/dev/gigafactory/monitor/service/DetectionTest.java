package dev.gigafactory.monitor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.IncidentDetected.Kind;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.product.ProductProcess;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import dev.gigafactory.monitor.testing.Products;
import dev.gigafactory.testsupport.FixtureProducts;
import dev.gigafactory.testsupport.KafkaClientPerTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The troubles that are not a dead process: a product too slow for its SLO, and a pipeline stage going nowhere. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class DetectionTest extends KafkaClientPerTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    IncidentDesk desk;

    @Inject
    StageTracker stages;

    @Inject
    Fleet fleet;

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
    void aProductSlowerThanItsP99TargetBreachesItsSlo() throws Exception {
        String spec = newSpec("slow");
        ProductProcess product = products.start(FixtureProducts.slow("slow", 400)); // p99 target: 250 ms
        kafka.publish(Products.deployed(spec, 1, product.baseUrl(), DeploymentCompleted.DEPLOY));
        await().atMost(WAIT).until(() -> fleet.watched(spec).isPresent());

        HttpClient http = HttpClient.newHttpClient();
        HttpRequest work = HttpRequest.newBuilder(URI.create(product.baseUrl() + "/work")).build();
        List<CompletableFuture<HttpResponse<Void>>> requests = IntStream.range(0, 8)
                .mapToObj(i -> http.sendAsync(work, HttpResponse.BodyHandlers.discarding())).toList();
        requests.forEach(CompletableFuture::join);

        IncidentDetected breach = kafka.awaitEvent(IncidentDetected.class, i -> i.spec().equals(spec), WAIT);
        assertThat(breach.kind()).isEqualTo(Kind.SLO_BREACH);
        assertThat(breach.action()).isEqualTo(Remediation.RESTART);
        assertThat(breach.evidence()).startsWith("GET " + product.baseUrl() + "/metrics over 20s: availability 100.00%")
                .contains("8 requests").contains("(target 250 ms)");
    }

    @Test
    void aPlanThatNothingFollowsIsStuckAndReplannedAndHealsWhenThePipelineMovesOn() {
        String spec = newSpec("stuck");
        kafka.publish(new PlanCreated(spec, 1, 1, PlanCreated.PlanKind.INITIAL, null, List.of(), List.of(),
                "version 1"));

        IncidentDetected stuck = kafka.awaitEvent(IncidentDetected.class, i -> i.spec().equals(spec), WAIT);
        assertThat(stuck.kind()).isEqualTo(Kind.STUCK);
        assertThat(stuck.action()).isEqualTo(Remediation.REPLAN);
        assertThat(stuck.version()).isEqualTo(1);
        assertThat(stuck.evidence()).startsWith("stage planned since ").contains("(limit 2 s)");

        kafka.publish(new CodeGenerated(spec, 1, 1, "jdk-http", "template", "sha256:" + "c".repeat(64), 3, null));
        await().atMost(WAIT).until(() -> desk.unresolved(spec, Kind.STUCK).isEmpty());
    }

    @Test
    void aRunningVersionIsNeverStuck() throws Exception {
        String spec = newSpec("done");
        ProductProcess product = products.start(FixtureProducts.jar("done"));
        kafka.publish(new PlanCreated(spec, 1, 1, PlanCreated.PlanKind.INITIAL, null, List.of(), List.of(), "v1"));
        kafka.publish(Products.deployed(spec, 1, product.baseUrl(), DeploymentCompleted.DEPLOY));
        await().atMost(WAIT).until(() -> stages.progress(spec).filter(p -> p.stage().equals("running")).isPresent());

        // The marker: a plan published now that nothing follows, so it is reported stuck once stuck-after has
        // passed for the running version too, which by then must have had its chance to be (wrongly) reported.
        String marker = newSpec("marker");
        kafka.publish(new PlanCreated(marker, 1, 1, PlanCreated.PlanKind.INITIAL, null, List.of(), List.of(), "v1"));
        kafka.awaitEvent(IncidentDetected.class, i -> i.spec().equals(marker), WAIT);
        assertThat(desk.unresolved(spec, Kind.STUCK)).isEmpty();
        assertThat(kafka.records(dev.gigafactory.contracts.topics.Topics.INCIDENTS_DETECTED))
                .noneMatch(r -> spec.equals(r.key()));
    }

    private static String newSpec(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
