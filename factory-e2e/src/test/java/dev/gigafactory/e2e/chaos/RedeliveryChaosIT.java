package dev.gigafactory.e2e.chaos;

import static dev.gigafactory.e2e.chaos.Pipeline.assertEachRanExactlyOnce;
import static dev.gigafactory.e2e.chaos.Pipeline.recordsOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.events.SpecUnchanged;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.launcher.Fleet;
import dev.gigafactory.devstack.launcher.ServiceDef;
import dev.gigafactory.e2e.FleetSupport;
import dev.gigafactory.e2e.GroupOffsets;
import dev.gigafactory.e2e.SharedFleet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every record a finished spec left on the pipeline, published again byte for byte with its headers, as a redelivery
 * would: once every consumer has committed past the copies, nothing downstream has changed.
 */
@ExtendWith(SharedFleet.class)
class RedeliveryChaosIT {

    private static final List<String> REPLAYED = List.of(Topics.SPECS_SUBMITTED, Topics.SPECS_ACCEPTED,
            Topics.PLANS_CREATED, Topics.CODE_GENERATED, Topics.TESTS_COMPLETED, Topics.DEPLOYMENTS_COMPLETED);
    private static final List<String> WATCHED = List.of(Topics.SPECS_ACCEPTED, Topics.SPECS_REJECTED,
            Topics.PLANS_CREATED, Topics.CODE_GENERATED, Topics.TESTS_COMPLETED, Topics.DEPLOYMENTS_COMPLETED,
            Topics.INCIDENTS_DETECTED, Topics.DLQ);

    @Test
    void aReplayedPipelineChangesNothingDownstream() {
        Fleet fleet = SharedFleet.fleet();
        List<String> spec = Pipeline.names("replay", 1);
        Pipeline.submit(fleet, spec);
        assertEachRanExactlyOnce(fleet, spec);
        Map<String, Integer> before = counts(fleet, spec);
        JsonNode timelineBefore = timeline(fleet, spec.get(0));

        Map<String, Integer> expected = new LinkedHashMap<>(before);
        Map<TopicPartition, Long> copies = replay(fleet, spec, expected);
        // the replayed document is answered, once, as unchanged (SpecUnchanged on the rejected topic): nothing is built
        expected.merge(Topics.SPECS_REJECTED, 1, Integer::sum);
        GroupOffsets.awaitCommittedPast(fleet.kafkaBootstrapServers(), copies, Duration.ofMinutes(1));
        // The marker: a spec submitted after the copies runs end to end through the same consumers, so a stage that
        // were to republish for a copy has had its turn before the counts are read (no fixed grace period).
        List<String> marker = Pipeline.names("replay-marker", 1);
        Pipeline.submit(fleet, marker);
        Pipeline.awaitRunning(fleet, marker);

        assertThat(counts(fleet, spec)).as("records of %s per topic after the replay (originals + copies)", spec)
                .isEqualTo(expected);
        assertThat(recordsOf(fleet, Topics.SPECS_REJECTED, spec)).as("the answer to the replayed document")
                .allSatisfy(answer -> assertThat(Pipeline.decode(answer)).isInstanceOf(SpecUnchanged.class));
        assertThat(timeline(fleet, spec.get(0))).as("status timeline after the replay").isEqualTo(timelineBefore);
        assertThat(Pipeline.products(fleet, spec.get(0))).as("live product processes").isEqualTo(1);
    }

    /** Publishes the copies; returns the last copy's offset per partition and counts them into {@code expected}. */
    private static Map<TopicPartition, Long> replay(Fleet fleet, List<String> spec, Map<String, Integer> expected) {
        Map<TopicPartition, Long> last = new LinkedHashMap<>();
        try (KafkaProducer<String, byte[]> producer = FleetSupport.producer(fleet.kafkaBootstrapServers())) {
            for (String topic : REPLAYED) {
                for (ConsumerRecord<String, byte[]> record : recordsOf(fleet, topic, spec)) {
                    RecordMetadata sent = PoisonRecordChaosIT.send(producer, new ProducerRecord<>(topic, null,
                            record.key(), record.value(), record.headers()));
                    last.put(new TopicPartition(sent.topic(), sent.partition()), sent.offset());
                    expected.computeIfPresent(topic, (t, n) -> n + 1);
                }
            }
        }
        return last;
    }

    private static Map<String, Integer> counts(Fleet fleet, List<String> spec) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        WATCHED.forEach(topic -> counts.put(topic, recordsOf(fleet, topic, spec).size()));
        return counts;
    }

    private static JsonNode timeline(Fleet fleet, String name) {
        return FleetSupport.getJson(fleet.url(ServiceDef.INTAKE).resolve("/api/specs/" + name)).path("timeline");
    }
}
