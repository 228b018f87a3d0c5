package dev.gigafactory.e2e.observability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Everything on some topics right now, read with a plain consumer that joins no group. */
final class TopicSnapshot {

    /** One record as the trace check needs it: where it is, who sent it, and its trace ids. */
    record Event(String topic, String key, String source, List<String> traceIds) {
    }

    private TopicSnapshot() {
    }

    static List<Event> read(String bootstrapServers, List<String> topics) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream().flatMap(topic -> consumer
                    .partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    events.add(new Event(record.topic(), record.key(), text(record, "ce_source").orElse(null),
                            traceIds(record)));
                }
            }
        }
        return events;
    }

    // W3C traceparent: version-traceid-spanid-flags. Every traceparent header counts, not only the last one.
    private static List<String> traceIds(ConsumerRecord<String, byte[]> record) {
        return StreamSupport.stream(record.headers().headers("traceparent").spliterator(), false)
                .map(header -> new String(header.value(), StandardCharsets.UTF_8).split("-"))
                .map(parts -> parts.length == 4 ? parts[1] : "malformed:" + String.join("-", parts)).toList();
    }

    private static Optional<String> text(ConsumerRecord<String, byte[]> record, String header) {
        return Optional.ofNullable(record.headers().lastHeader(header))
                .map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }
}
