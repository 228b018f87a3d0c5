package dev.gigafactory.tester.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.contracts.codec.CloudEvent;
import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.EncodedEvent;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.tester.Fixtures;
import dev.gigafactory.testsupport.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service end to end on a real broker: CodeGenerated in, TestsCompleted out, poison to the dead-letter topic. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
class CodeGeneratedListenerTest {

    private static final Duration VERDICT_TIMEOUT = Duration.ofSeconds(120);
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Inject
    ArtifactStore store;

    private KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = KafkaTestClient.fromConfig();
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void passesTheGoodProductStoresItsJarAndContinuesTheTrace() {
        String spec = uniqueSpec("good");
        EncodedEvent encoded = CloudEventCodec.encode(codeGenerated(spec, "good"), "/gigafactory/test");
        encoded.headers().add(CloudEventCodec.TRACEPARENT, TRACEPARENT.getBytes(StandardCharsets.UTF_8));

        kafka.publishRaw(encoded.topic(), encoded.key(), encoded.value(), encoded.headers());

        ConsumerRecord<String, byte[]> record = kafka.awaitRecord(Topics.TESTS_COMPLETED,
                candidate -> spec.equals(candidate.key()), VERDICT_TIMEOUT);
        CloudEvent<TestsCompleted> event = CloudEventCodec.decode(record.headers(), record.value(),
                TestsCompleted.class);
        TestsCompleted verdict = event.data();
        assertThat(verdict.passed()).as(verdict.failure() + "\n" + verdict.logExcerpt()).isTrue();
        assertThat(verdict.artifactDigest()).isNotNull();
        assertThat(store.contains(verdict.artifactDigest())).isTrue();
        assertThat(verdict.agent()).as("who wrote the code, for the planner's repair").isEqualTo("fixture");
        assertThat(event.source()).isEqualTo("/gigafactory/tester-service");
        // The same trace continues (OpenTelemetry's Kafka instrumentation may add a span of its own in between).
        assertThat(event.traceparent()).startsWith(TRACEPARENT.substring(0, 36));
    }

    @Test
    void failsWrongAnswersNamingTheFailingStep() {
        String spec = uniqueSpec("wrong");

        kafka.publish(codeGenerated(spec, "wrong-answers"));

        TestsCompleted verdict = kafka.awaitEvent(TestsCompleted.class, candidate -> spec.equals(candidate.spec()),
                VERDICT_TIMEOUT);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.artifactDigest()).isNull();
        assertThat(verdict.failure()).contains("'create a todo and read it back' step 0 (POST /todos) "
                + "body.title: expected \"Buy milk\" but was \"Buy bread\"");
        assertThat(verdict.cases().get(0).steps().get(0).passed()).isFalse();
    }

    @Test
    void failsCodeItsCoderCouldNotFinishWithoutTestingIt() {
        String spec = uniqueSpec("unwritten");
        CodeGenerated good = codeGenerated(spec, "good");
        kafka.publish(new CodeGenerated(spec, 1, 1, "jdk-http", "llm", good.sourceDigest(), 0, good.document(),
                List.of("requirements"), 1, null, "no reply implemented the requirements: no Java code"));

        TestsCompleted verdict = kafka.awaitEvent(TestsCompleted.class, candidate -> spec.equals(candidate.spec()),
                VERDICT_TIMEOUT);
        // the tree itself would pass: only the coder's failure fails it
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failure()).isEqualTo("the coder could not write this attempt: no reply implemented the "
                + "requirements: no Java code");
        assertThat(verdict.sourceDigest()).isNull();
        assertThat(verdict.artifactDigest()).isNull();
        assertThat(verdict.agent()).isEqualTo("llm");
    }

    @Test
    void sendsAPoisonRecordToTheDeadLetterTopicAndKeepsConsuming() {
        String poisonKey = uniqueSpec("poison");
        String spec = uniqueSpec("after-poison");

        kafka.publishRaw(Topics.CODE_GENERATED, poisonKey, "not a cloud event".getBytes(StandardCharsets.UTF_8),
                null);
        kafka.publish(codeGenerated(spec, "compile-error"));

        ConsumerRecord<String, byte[]> dead = kafka.awaitRecord(Topics.DLQ, r -> poisonKey.equals(r.key()),
                VERDICT_TIMEOUT);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not a cloud event");
        TestsCompleted verdict = kafka.awaitEvent(TestsCompleted.class, candidate -> spec.equals(candidate.spec()),
                VERDICT_TIMEOUT);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failure()).isEqualTo("compilation failed: 1 error");
    }

    @Test
    void isReadyWithItsDirectoriesWritableAndItsSandboxWorking() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("tester-directories"))
                .body("checks.name", hasItem("tester-gate"));
    }

    private CodeGenerated codeGenerated(String spec, String product) {
        String digest = Fixtures.store(store, product);
        return new CodeGenerated(spec, 1, 1, "jdk-http", "fixture", digest, 0, Fixtures.todoSpec());
    }

    private static String uniqueSpec(String prefix) {
        return "tester-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
