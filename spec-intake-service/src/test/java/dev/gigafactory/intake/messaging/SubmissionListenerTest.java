package dev.gigafactory.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.SpecRejected;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import dev.gigafactory.intake.Specs;
import dev.gigafactory.testsupport.KafkaClientPerTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** Raw documents published to the intake topic by any Kafka client. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class SubmissionListenerTest extends KafkaClientPerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void acceptsAYamlDocumentPublishedWithoutKeyOrHeaders() {
        kafka.publishRaw(Topics.SPECS_SUBMITTED, null, Specs.bytes(Specs.yaml("kafka-plain")), null);

        SpecAccepted accepted = kafka.awaitEvent(SpecAccepted.class, e -> e.spec().equals("kafka-plain"), WAIT);

        assertThat(accepted.version()).isEqualTo(1);
        assertThat(accepted.digest()).startsWith("sha256:");
        assertThat(accepted.document().spec().entities()).hasSize(1);
        assertThat(accepted.changes()).extracting(c -> c.path()).contains("Note");
    }

    @Test
    void acceptsJsonWithArbitraryKeyAndHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("x-origin", "console".getBytes(StandardCharsets.UTF_8));

        kafka.publishRaw(Topics.SPECS_SUBMITTED, "whatever", Specs.bytes(Specs.sameAsJson("kafka-json")), headers);

        assertThat(kafka.awaitEvent(SpecAccepted.class, e -> e.spec().equals("kafka-json"), WAIT).version())
                .isEqualTo(1);
    }

    @Test
    void rejectsAnInvalidDocumentNamingWhereItCameFrom() {
        RecordMetadata sent = kafka.publishRaw(Topics.SPECS_SUBMITTED, "kafka-bad",
                Specs.bytes(Specs.invalid("kafka-bad")), null);

        SpecRejected rejected = kafka.awaitEvent(SpecRejected.class, e -> e.spec().equals("kafka-bad"), WAIT);

        assertThat(rejected.problems()).extracting(p -> p.pointer()).contains("/spec/entities/0/name");
        assertThat(rejected.source().topic()).isEqualTo(Topics.SPECS_SUBMITTED);
        assertThat(rejected.source().partition()).isEqualTo(sent.partition());
        assertThat(rejected.source().offset()).isEqualTo(sent.offset());
    }

    @Test
    void aVersionOnAnotherStackIsRejectedOnTheTopicAndTheSpecGoesOn() {
        kafka.publishRaw(Topics.SPECS_SUBMITTED, "kafka-stack", Specs.bytes(Specs.yaml("kafka-stack")), null);
        kafka.awaitEvent(SpecAccepted.class, e -> e.spec().equals("kafka-stack"), WAIT);

        kafka.publishRaw(Topics.SPECS_SUBMITTED, "kafka-stack", Specs.bytes(Specs.onStack("kafka-stack", "quarkus")),
                null);
        kafka.publishRaw(Topics.SPECS_SUBMITTED, "kafka-stack", Specs.bytes(Specs.withExtraField("kafka-stack")),
                null);

        SpecRejected rejected = kafka.awaitEvent(SpecRejected.class, e -> e.spec().equals("kafka-stack"), WAIT);
        assertThat(rejected.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.pointer()).isEqualTo("/spec/stack");
            assertThat(problem.message()).contains("from 'jdk-http'", "to 'quarkus'");
        });
        assertThat(kafka.awaitEvent(SpecAccepted.class, e -> e.spec().equals("kafka-stack") && e.version() == 2,
                WAIT).document().spec().stack()).isEqualTo("jdk-http");
    }

    @Test
    void keepsConsumingAfterABurstOfPoison() {
        for (int i = 0; i < 50; i++) {
            byte[] poison = i % 2 == 0 ? new byte[]{(byte) 0xff, 0, (byte) i} : new byte[0];
            kafka.publishRaw(Topics.SPECS_SUBMITTED, "poison", poison, null);
        }
        kafka.publishRaw(Topics.SPECS_SUBMITTED, "poison", Specs.bytes(Specs.yaml("after-poison")), null);

        assertThat(kafka.awaitEvent(SpecAccepted.class, e -> e.spec().equals("after-poison"), WAIT).version())
                .isEqualTo(1);
        assertThat(kafka.records(Topics.SPECS_REJECTED)).hasSizeGreaterThanOrEqualTo(50);
    }

    @Test
    void aRecordThatIsNotTextIsRejectedAndDeadLetteredWithItsReason() {
        RecordMetadata sent = kafka.publishRaw(Topics.SPECS_SUBMITTED, "binary-blob",
                new byte[]{(byte) 0xc3, (byte) 0x28, 0, 7}, null);

        var dead = kafka.awaitRecord(Topics.DLQ, r -> Topics.SPECS_SUBMITTED.equals(header(r, "dead-letter-topic"))
                && Long.toString(sent.offset()).equals(header(r, "dead-letter-offset"))
                && Integer.toString(sent.partition()).equals(header(r, "dead-letter-partition")), WAIT);

        assertThat(header(dead, "dead-letter-reason")).contains("not valid UTF-8");
        SpecRejected rejected = kafka.awaitEvent(SpecRejected.class,
                // Other tests' REST rejections share the topic: they have no offset.
                e -> Long.valueOf(sent.offset()).equals(e.source().offset())
                        && Integer.valueOf(sent.partition()).equals(e.source().partition()),
                WAIT);
        assertThat(rejected.problems().get(0).message()).contains("UTF-8");
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record,
            String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void anIdenticalResubmissionEmitsNothingNew() {
        kafka.publishRaw(Topics.SPECS_SUBMITTED, "kafka-twice", Specs.bytes(Specs.yaml("kafka-twice")), null);
        kafka.awaitEvent(SpecAccepted.class, e -> e.spec().equals("kafka-twice"), WAIT);

        kafka.publishRaw(Topics.SPECS_SUBMITTED, "kafka-twice", Specs.bytes(Specs.sameAsJson("kafka-twice")), null);
        kafka.publishRaw(Topics.SPECS_SUBMITTED, "kafka-twice", Specs.bytes(Specs.withExtraField("kafka-twice")),
                null);

        SpecAccepted second = kafka.awaitEvent(SpecAccepted.class,
                e -> e.spec().equals("kafka-twice") && e.version() == 2, WAIT);
        assertThat(second.changes()).extracting(c -> c.path()).containsExactly("Note.pinned");
        assertThat(kafka.records(Topics.SPECS_ACCEPTED)).filteredOn(r -> "kafka-twice".equals(r.key())).hasSize(2);
    }
}
