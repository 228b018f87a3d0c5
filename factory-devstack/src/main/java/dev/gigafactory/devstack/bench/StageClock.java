package dev.gigafactory.devstack.bench;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows the pipeline topics with a plain consumer (no group, from their end at start) and notes, per spec, the
 * broker-side timestamp of the first record that moved it into each stage, plus the work the events report.
 */
final class StageClock implements AutoCloseable {

    /** The stages in pipeline order and the topic whose first record for a spec marks each. */
    static final List<String> STAGES = List.of("submitted", "accepted", "planned", "coded", "tested", "deployed");
    private static final Map<String, String> TOPIC_STAGE = Map.of(Topics.SPECS_SUBMITTED, "submitted",
            Topics.SPECS_ACCEPTED, "accepted", Topics.PLANS_CREATED, "planned", Topics.CODE_GENERATED, "coded",
            Topics.TESTS_COMPLETED, "tested", Topics.DEPLOYMENTS_COMPLETED, "deployed");

    /** When a spec reached each stage (epoch ms), and what the tester reported as its own work. */
    record Timeline(Map<String, Long> at, Long testMillis, boolean failed) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Predicate<String> ours;
    private final Map<String, Map<String, Long>> seen = new ConcurrentHashMap<>();
    private final Map<String, Long> testMillis = new ConcurrentHashMap<>();
    private final Map<String, Boolean> failed = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean open = true;

    StageClock(String bootstrap, Predicate<String> ours) {
        this.ours = ours;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        TOPIC_STAGE.keySet().forEach(topic -> consumer.partitionsFor(topic)
                .forEach(info -> partitions.add(new TopicPartition(topic, info.partition()))));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.poller = new Thread(this::poll, "bench-stage-clock");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (open) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                if (record.key() != null && ours.test(record.key())) {
                    note(record);
                }
            }
        }
        consumer.close();
    }

    private void note(ConsumerRecord<String, byte[]> record) {
        String stage = TOPIC_STAGE.get(record.topic());
        Optional<FactoryEvent> event = decode(record);
        if (event.orElse(null) instanceof TestsCompleted tests) {
            if (!tests.passed()) {
                failed.put(record.key(), true);
                return;
            }
            testMillis.putIfAbsent(record.key(), tests.durationMs());
        }
        if (event.orElse(null) instanceof DeploymentCompleted deployment) {
            if (!deployment.succeeded()) {
                failed.put(record.key(), true);
                return;
            }
            if (deployment.isRemediation()) {
                return;
            }
        }
        seen.computeIfAbsent(record.key(), k -> new ConcurrentHashMap<>()).putIfAbsent(stage, record.timestamp());
    }

    private static Optional<FactoryEvent> decode(ConsumerRecord<String, byte[]> record) {
        if (Topics.SPECS_SUBMITTED.equals(record.topic())) {
            return Optional.empty();
        }
        try {
            return Optional.of(CloudEventCodec.decode(record.headers(), record.value()).data());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the spec is deployed (or has failed for good, as far as a benchmark cares). */
    boolean finished(String spec) {
        return failed.containsKey(spec) || seen.getOrDefault(spec, Map.of()).containsKey("deployed");
    }

    Timeline timeline(String spec) {
        return new Timeline(Map.copyOf(seen.getOrDefault(spec, Map.of())), testMillis.get(spec),
                failed.containsKey(spec));
    }

    @Override
    public void close() {
        open = false;
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
