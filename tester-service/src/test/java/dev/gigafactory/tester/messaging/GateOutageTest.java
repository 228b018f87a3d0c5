package dev.gigafactory.tester.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.EventType;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.events.TestsWaiting;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.tester.Fixtures;
import dev.gigafactory.testsupport.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An outage is not a defect: with bubblewrap missing the tester is not ready and the code waits (TestsWaiting), no
 * verdict and no attempt spent; once bubblewrap is there the same record, never published again, gets its verdict.
 */
@QuarkusTest
@TestProfile(GateOutageTest.MissingBubblewrap.class)
@WithTestResource(KafkaResource.class)
class GateOutageTest {

    // A fixed place (the profile is read in another class loader than this test runs in), emptied before each test.
    static final Path BWRAP = Path.of("target/test-factory/missing-bwrap/bin/bwrap").toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String TESTS_COMPLETED = EventType.TESTS_COMPLETED.ceType();

    public static class MissingBubblewrap implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tester.bubblewrap", BWRAP.toString());
        }
    }

    @Inject
    ArtifactStore store;

    private KafkaTestClient kafka;

    @BeforeEach
    void withoutBubblewrap() throws IOException {
        Files.deleteIfExists(BWRAP);
        kafka = KafkaTestClient.fromConfig();
    }

    @AfterEach
    void disconnect() throws IOException {
        kafka.close();
        Files.deleteIfExists(BWRAP);
    }

    @Test
    void waitsWhileBubblewrapIsMissingAndTestsTheSameRecordOnceItIsBack() throws IOException {
        String spec = "tester-outage-" + UUID.randomUUID().toString().substring(0, 8);
        awaitNotReadyNamingBubblewrap();

        kafka.publish(new CodeGenerated(spec, 1, 1, "jdk-http", "fixture", Fixtures.store(store, "good"), 0,
                Fixtures.todoSpec()));

        TestsWaiting waiting = kafka.awaitEvent(TestsWaiting.class, event -> spec.equals(event.spec()), TIMEOUT);
        assertThat(waiting.reason()).startsWith("bubblewrap (bwrap) is not installed")
                .contains(BWRAP.toString());
        assertThat(waiting.attempt()).isEqualTo(1);
        awaitNotReadyNamingBubblewrap();
        assertThat(kafka.records(Topics.TESTS_COMPLETED)).filteredOn(record -> spec.equals(record.key()))
                .as("the code waits: one TestsWaiting, no verdict").extracting(GateOutageTest::ceType)
                .containsExactly(EventType.TESTS_WAITING.ceType());

        Files.createSymbolicLink(Files.createDirectories(BWRAP.getParent()).resolve("bwrap"),
                Path.of("/usr/bin/bwrap"));

        await().atMost(TIMEOUT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        ConsumerRecord<String, byte[]> record = kafka.awaitRecord(Topics.TESTS_COMPLETED,
                candidate -> spec.equals(candidate.key()) && TESTS_COMPLETED.equals(ceType(candidate)), TIMEOUT);
        TestsCompleted verdict = CloudEventCodec.decode(record.headers(), record.value(), TestsCompleted.class).data();
        assertThat(verdict.passed()).as(verdict.failure() + "\n" + verdict.logExcerpt()).isTrue();
        assertThat(verdict.version()).isEqualTo(1);
        assertThat(verdict.attempt()).as("no attempt spent on the outage").isEqualTo(1);
        assertThat(verdict.agent()).isEqualTo("fixture");
    }

    private static void awaitNotReadyNamingBubblewrap() {
        await().atMost(TIMEOUT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                .body("checks.name", hasItem("tester-gate"))
                .body("checks.find { it.name == 'tester-gate' }.data.sandbox",
                        startsWith("bubblewrap (bwrap) is not installed")));
    }

    private static String ceType(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader(CloudEventCodec.TYPE);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
