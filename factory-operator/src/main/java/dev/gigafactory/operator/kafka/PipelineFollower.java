package dev.gigafactory.operator.kafka;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.InvalidEventException;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.topics.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the topics the intake's status read model follows, in the operator's own consumer group. Offsets are
 * committed only after a batch is on the resources' statuses, so a restart re-applies at most one batch, which the
 * pure projection turns into the same status.
 */
public final class PipelineFollower implements Runnable, AutoCloseable {

    public static final String GROUP = "factory-operator";
    private static final Logger LOG = LoggerFactory.getLogger(PipelineFollower.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Consumer<FactoryEvent> sink;
    private final Thread thread;
    private volatile boolean running = true;

    public PipelineFollower(Map<String, Object> settings, Consumer<FactoryEvent> sink) {
        this.consumer = new KafkaConsumer<>(KafkaSettings.with(settings, Map.of(ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)));
        this.sink = sink;
        this.thread = new Thread(this, "operator-pipeline-follower");
    }

    public boolean running() {
        return thread.isAlive();
    }

    public void start() {
        thread.start();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(Topics.PIPELINE);
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, byte[]> record : records) {
                    decode(record).ifPresent(sink);
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            // close() woke the poll: stop without committing what was not applied
        } catch (RuntimeException e) {
            LOG.error("the pipeline follower stopped; the status is behind until the operator restarts", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Poison is the consumers' business (they dead-letter it); the status just does not move for it. */
    private static java.util.Optional<FactoryEvent> decode(ConsumerRecord<String, byte[]> record) {
        try {
            return java.util.Optional.of(CloudEventCodec.decode(record.headers(), record.value()).data());
        } catch (InvalidEventException e) {
            LOG.debug("skipping {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return java.util.Optional.empty();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
