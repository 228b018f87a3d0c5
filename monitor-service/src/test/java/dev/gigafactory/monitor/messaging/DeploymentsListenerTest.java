package dev.gigafactory.monitor.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.Digests;
import dev.gigafactory.contracts.codec.EncodedEvent;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.IncidentDetected.Kind;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.contracts.events.ProductExited;
import dev.gigafactory.contracts.events.SpecRetired;
import dev.gigafactory.contracts.product.ProductProcess;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import dev.gigafactory.monitor.domain.LiveDeployment;
import dev.gigafactory.monitor.service.Fleet;
import dev.gigafactory.monitor.service.IncidentDesk;
import dev.gigafactory.testsupport.Deployments;
import dev.gigafactory.testsupport.FixtureProducts;
import dev.gigafactory.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class DeploymentsListenerTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Fleet fleet;

    @Inject
    IncidentDesk desk;

    private final List<ProductProcess> products = new ArrayList<>();
    private KafkaTestClient kafka;
    private Path jar;

    @BeforeEach
    void setUp() throws Exception {
        kafka = KafkaTestClient.fromConfig();
        jar = Files.write(Files.createTempDirectory("monitored").resolve("app.jar"), FixtureProducts.jar("watched"));
    }

    @AfterEach
    void tearDown() {
        products.forEach(ProductProcess::close);
        kafka.close();
    }

    @Test
    void aCrashedProductRaisesOneRestartIncidentPerOutage() throws Exception {
        String spec = newSpec();
        ProductProcess product = watched(spec);

        product.stop(Duration.ofSeconds(5));

        IncidentDetected incident = restartForCrash(spec);
        assertThat(incident.version()).isEqualTo(1);
        assertThat(incident.evidence()).startsWith("GET " + product.baseUrl() + "/health: connection refused x ");
        // The outage goes on for more probes (within the remediation timeout); it is still the one incident.
        await().atMost(WAIT).until(() -> fleet.consecutiveFailures(spec) >= 4);
        assertThat(incidentsOf(spec)).hasSize(1);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("factory_incidents_total{action=\"RESTART\",kind=\"CRASH\""))
                .body(containsString("factory_monitored_deployments"));
    }

    @Test
    void aReportedExitMakesTheFirstRefusedProbeACrashWithTheReportAsEvidence() throws Exception {
        String spec = newSpec();
        ProductProcess product = watched(spec);
        await().atMost(WAIT).until(() -> fleet.healthyStreak(spec) > 0);

        // Reported before the process is gone, so that no probe can find it gone first: the probe the report
        // triggers finds it healthy, and the report waits for the probe that does not.
        kafka.publish(new ProductExited(spec, 1, 1, product.pid(), Instant.now(), "pid " + product.pid()
                + " exited unexpectedly"));
        await().atMost(WAIT).until(() -> fleet.healthyStreak(spec) == 0);
        product.stop(Duration.ofSeconds(5));

        IncidentDetected incident = restartForCrash(spec);
        assertThat(incident.evidence()).isEqualTo("GET " + product.baseUrl() + "/health: connection refused x 1;"
                + " the deployer reported: pid " + product.pid() + " exited unexpectedly");
    }

    @Test
    void aRestartAnnouncedAtANewUrlHealsTheIncidentAndTheNextCrashIsANewOne() throws Exception {
        String spec = newSpec();
        ProductProcess first = watched(spec);
        first.stop(Duration.ofSeconds(5));
        IncidentDetected crash = kafka.awaitEvent(IncidentDetected.class, i -> i.spec().equals(spec), WAIT);

        ProductProcess restarted = start();
        kafka.publish(Deployments.of(spec, 1).url(restarted.baseUrl()).artifact(digest()).detail("restarted")
                .cause(DeploymentCompleted.restartFor(crash.incidentId())).build());
        await().atMost(WAIT).until(() -> fleet.watched(spec).map(LiveDeployment::url)
                .filter(restarted.baseUrl()::equals).isPresent());
        await().atMost(WAIT).until(() -> desk.unresolved(spec, Kind.CRASH).isEmpty());
        restarted.stop(Duration.ofSeconds(5));

        await().atMost(WAIT).until(() -> incidentsOf(spec).size() == 2);
    }

    @Test
    void aFailedDeploymentIsNotProbed() {
        String spec = newSpec();
        kafka.publish(Deployments.of(spec, 2).failed("no start").artifact(digest()).build());
        kafka.publish(deployed(spec, 1, "http://127.0.0.1:9"));

        // Same key, same partition: by the time v1 is watched, the failed v2 has been seen and passed over.
        await().atMost(WAIT).until(() -> fleet.watched(spec).isPresent());
        assertThat(fleet.watched(spec).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopic() {
        String key = newSpec();
        kafka.publishRaw(Topics.DEPLOYMENTS_COMPLETED, key, "garbage".getBytes(StandardCharsets.UTF_8), null);

        assertThat(kafka.awaitRecord(Topics.DLQ, r -> key.equals(r.key()), WAIT).value())
                .isEqualTo("garbage".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEventOfAnotherKindOnTheExitTopicGoesToTheDeadLetterTopic() {
        String spec = newSpec();
        EncodedEvent retired = CloudEventCodec.encode(new SpecRetired(spec, 1, 1, "r-1", "test", Instant.now()),
                "/test");
        kafka.publishRaw(Topics.PRODUCTS_EXITED, spec, retired.value(), retired.headers());

        ConsumerRecord<String, byte[]> dead = kafka.awaitRecord(Topics.DLQ, r -> spec.equals(r.key()), WAIT);
        assertThat(CloudEventCodec.decode(dead.headers(), dead.value(), SpecRetired.class).data().spec())
                .isEqualTo(spec);
        assertThat(fleet.watched(spec)).isEmpty();
    }

    /** A product started and announced as v1 of {@code spec}, once the monitor watches it. */
    private ProductProcess watched(String spec) throws Exception {
        ProductProcess product = start();
        kafka.publish(deployed(spec, 1, product.baseUrl()));
        await().atMost(WAIT).until(() -> fleet.watched(spec).isPresent());
        return product;
    }

    private IncidentDetected restartForCrash(String spec) {
        IncidentDetected incident = kafka.awaitEvent(IncidentDetected.class, i -> i.spec().equals(spec), WAIT);
        assertThat(incident.kind()).isEqualTo(Kind.CRASH);
        assertThat(incident.action()).isEqualTo(Remediation.RESTART);
        return incident;
    }

    private ProductProcess start() throws Exception {
        Path dir = jar.getParent();
        ProductProcess product = ProductProcess.start(ProductProcess.Launch.of(jar, dir.resolve("data"),
                dir.resolve("product-" + products.size() + ".log")));
        products.add(product);
        return product;
    }

    private List<IncidentDetected> incidentsOf(String spec) {
        return kafka.records(Topics.INCIDENTS_DETECTED).stream().filter(r -> spec.equals(r.key()))
                .map(r -> CloudEventCodec
                        .decode(r.headers(), r.value(), IncidentDetected.class).data())
                .toList();
    }

    private static DeploymentCompleted deployed(String spec, int version, String url) {
        return Deployments.of(spec, version).url(url).artifact(digest()).build();
    }

    private static String digest() {
        return Digests.sha256("watched".getBytes(StandardCharsets.UTF_8));
    }

    private static String newSpec() {
        return "watch-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
