package dev.gigafactory.devstack.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.testsupport.KafkaTestClient;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The broker a Quarkus test gets, and the client a test talks to it with. */
class KafkaResourceIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static String bootstrap;
    private static KafkaTestClient client;

    @BeforeAll
    static void startBroker() {
        bootstrap = new KafkaResource().start().get("kafka.bootstrap.servers");
        client = KafkaTestClient.connect(bootstrap);
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Test
    void everyStartOfTheResourceSharesOneBroker() {
        assertThat(bootstrap).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(new KafkaResource().start()).containsEntry("kafka.bootstrap.servers", bootstrap);
    }

    @Test
    void aPublishedEventArrivesOnItsTopicAsACloudEvent() {
        LedgerEntryRecorded entry = ledgerEntry("published-spec", "call-1");

        client.publish(entry);

        LedgerEntryRecorded received = client.awaitEvent(LedgerEntryRecorded.class,
                e -> e.spec().equals("published-spec"), WAIT);
        assertThat(received).isEqualTo(entry);
        ConsumerRecord<String, byte[]> record = client.awaitRecord(Topics.LEDGER,
                r -> "published-spec".equals(r.key()), WAIT);
        assertThat(CloudEventCodec.text(record.headers(), CloudEventCodec.SOURCE)).isEqualTo("/gigafactory/test");
    }

    @Test
    void awaitingSkipsRecordsThatDoNotMatch() {
        client.publish(ledgerEntry("skip-spec", "first"));
        client.publish(ledgerEntry("skip-spec", "second"));

        LedgerEntryRecorded second = client.awaitEvent(LedgerEntryRecorded.class,
                e -> e.spec().equals("skip-spec") && e.callId().equals("second"), WAIT);

        assertThat(second.callId()).isEqualTo("second");
    }

    @Test
    void aWaitThatTimesOutSaysWhatItSaw() {
        client.publishRaw(Topics.DLQ, "poison", "not an event".getBytes(StandardCharsets.UTF_8), null);

        assertThatThrownBy(() -> client.awaitRecord(Topics.DLQ, r -> "never".equals(r.key()), Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no matching record on " + Topics.DLQ)
                .hasMessageContaining("key=poison")
                .hasMessageContaining("not an event");
    }

    @Test
    void recordsListsEverythingOnTheTopicNow() {
        client.publishRaw(Topics.SPECS_SUBMITTED, "listed", "a".getBytes(StandardCharsets.UTF_8), null);
        client.publishRaw(Topics.SPECS_SUBMITTED, "listed", "b".getBytes(StandardCharsets.UTF_8), null);

        List<String> values = client.records(Topics.SPECS_SUBMITTED).stream()
                .filter(r -> "listed".equals(r.key()))
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();

        assertThat(values).containsExactly("a", "b");
    }

    private static LedgerEntryRecorded ledgerEntry(String spec, String callId) {
        return new LedgerEntryRecorded(spec, 1, 1, "coder", callId, "template", 10, 5, new BigDecimal("0.001"));
    }
}
