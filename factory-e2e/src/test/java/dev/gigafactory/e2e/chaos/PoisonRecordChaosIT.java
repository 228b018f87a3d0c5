package dev.gigafactory.e2e.chaos;

import dev.gigafactory.e2e.SharedFleet;

import static dev.gigafactory.e2e.chaos.Pipeline.assertEachRanExactlyOnce;
import static dev.gigafactory.e2e.chaos.Pipeline.recordsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.launcher.Fleet;
import dev.gigafactory.e2e.FleetSupport;
import dev.gigafactory.e2e.GroupOffsets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Garbage in every topic, keyed like a real spec: each consumer sets it aside in the dead-letter topic and moves on,
 * and the spec of that name, submitted right after, flows through the very partitions the garbage sits in.
 */
@ExtendWith(SharedFleet.class)
class PoisonRecordChaosIT {

    private static final byte[] GARBAGE = {(byte) 0xff, 0, (byte) 0xfe, 'n', 'o', 't', ' ', '{', 'j', 's', 'o',
            'n', (byte) 0xc3};

    @Test
    void aPoisonRecordInEveryTopicIsDeadLetteredAndTheSpecBehindItStillRuns() {
        Fleet fleet = SharedFleet.fleet();
        String name = Pipeline.names("poison", 1).get(0);
        List<String> topics = Topics.ALL.stream().map(Topics.Topic::name).filter(t -> !t.equals(Topics.DLQ)).toList();

        Map<TopicPartition, Long> poisoned = new LinkedHashMap<>();
        try (KafkaProducer<String, byte[]> producer = FleetSupport.producer(fleet.kafkaBootstrapServers())) {
            topics.forEach(topic -> {
                RecordMetadata sent = send(producer, new ProducerRecord<>(topic, name, GARBAGE));
                poisoned.put(new TopicPartition(sent.topic(), sent.partition()), sent.offset());
            });
        }
        Pipeline.submit(fleet, List.of(name));

        assertEachRanExactlyOnce(fleet, List.of(name));
        GroupOffsets.awaitCommittedPast(fleet.kafkaBootstrapServers(), poisoned, Duration.ofMinutes(1));
        List<ConsumerRecord<String, byte[]>> dead = recordsOf(fleet, Topics.DLQ, List.of(name));
        List<String> deadFrom = dead.stream().map(r -> header(r, "dead-letter-topic")).distinct().toList();
        assertThat(deadFrom).as("topics whose poison reached %s", Topics.DLQ)
                .containsAll(topics.stream().filter(t -> !t.equals(Topics.SPECS_SUBMITTED)).toList());
        boolean submittedHandled = deadFrom.contains(Topics.SPECS_SUBMITTED)
                || !recordsOf(fleet, Topics.SPECS_REJECTED, List.of(name)).isEmpty();
        assertThat(submittedHandled).as("the garbage submission was dead-lettered or rejected").isTrue();
    }

    static RecordMetadata send(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + record.topic(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? "(no " + key + " header)" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
