package dev.gigafactory.testsupport;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.EncodedEvent;
import dev.gigafactory.contracts.codec.InvalidEventException;
import dev.gigafactory.contracts.events.EventType;
import dev.gigafactory.contracts.events.FactoryEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What a test does with the broker: publish events as a stage would, and wait for the events a stage publishes.
 * Reading uses {@code assign()} from the beginning of every partition, without a consumer group, so it never
 * disturbs the services' groups and always sees records published before the wait began.
 */
public final class KafkaTestClient implements AutoCloseable {

    static final String SOURCE = "/gigafactory/test";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;

    private KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 0));
    }

    public static KafkaTestClient connect(String bootstrapServers) {
        return new KafkaTestClient(bootstrapServers);
    }

    /** Connects to the broker of the running Quarkus test ({@code kafka.bootstrap.servers}). */
    public static KafkaTestClient fromConfig() {
        return connect(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("kafka.bootstrap.servers", String.class));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Publishes the event as a CloudEvent on its topic, keyed by spec name, and waits for the broker's ack. */
    public RecordMetadata publish(FactoryEvent event) {
        EncodedEvent encoded = CloudEventCodec.encode(event, SOURCE);
        return publishRaw(encoded.topic(), encoded.key(), encoded.value(), encoded.headers());
    }

    /** Publishes anything (a raw spec document, a poison record); {@code key} and {@code headers} may be null. */
    public RecordMetadata publishRaw(String topic, String key, byte[] value, Headers headers) {
        try {
            return producer.send(new ProducerRecord<>(topic, null, key, value, headers))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + topic + " on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic, e);
        }
    }

    /** The first event of that type (on its topic) that matches, or an AssertionError listing what was there. */
    public <T extends FactoryEvent> T awaitEvent(Class<T> type, Predicate<T> match, Duration timeout) {
        String topic = Arrays.stream(EventType.values()).filter(t -> t.recordType() == type).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic carries " + type.getSimpleName()))
                .topic();
        ConsumerRecord<String, byte[]> record = awaitRecord(topic, r -> decode(r, type).filter(match).isPresent(),
                timeout);
        return decode(record, type).orElseThrow();
    }

    /** The first record on the topic that matches, or an AssertionError listing what was there. */
    public ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> match,
            Duration timeout) {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = consumerFromBeginning(topic)) {
            do {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    seen.add(record);
                    if (match.test(record)) {
                        return record;
                    }
                }
            } while (System.nanoTime() < deadline);
        }
        throw new AssertionError("no matching record on " + topic + " within " + timeout + "; "
                + RecordSummary.describe(seen));
    }

    /** Every record on the topic now, in partition then offset order. */
    public List<ConsumerRecord<String, byte[]>> records(String topic) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumerFromBeginning(topic)) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), SEND_TIMEOUT);
            long deadline = System.nanoTime() + SEND_TIMEOUT.toNanos();
            while (!reached(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end; " + RecordSummary.describe(all));
                }
                consumer.poll(Duration.ofMillis(100)).forEach(all::add);
            }
        }
        all.sort((a, b) -> a.partition() != b.partition()
                ? Integer.compare(a.partition(), b.partition())
                : Long.compare(a.offset(), b.offset()));
        return all;
    }

    private KafkaConsumer<String, byte[]> consumerFromBeginning(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<TopicPartition> partitions = consumer.partitionsFor(topic, SEND_TIMEOUT).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static <T extends FactoryEvent> Optional<T> decode(ConsumerRecord<String, byte[]> record, Class<T> type) {
        try {
            return Optional.of(CloudEventCodec.decode(record.headers(), record.value(), type).data());
        } catch (InvalidEventException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
