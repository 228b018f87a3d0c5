package dev.gigafactory.devstack.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gigafactory.contracts.topics.Topics;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes a spec document, as any Kafka client could, to the intake topic. */
final class SpecSubmitter {

    private static final YAMLMapper YAML = new YAMLMapper();

    private SpecSubmitter() {
    }

    /** The document's bytes as they are, keyed by its {@code metadata.name} when that can be read. */
    static RecordMetadata submit(String bootstrapServers, byte[] document) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000))) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SPECS_SUBMITTED,
                    nameOf(document).orElse(null), document);
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + Topics.SPECS_SUBMITTED + " on " + bootstrapServers
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
    }

    /** YAML is a superset of JSON, so one parser reads both; an unreadable document simply has no key. */
    static Optional<String> nameOf(byte[] document) {
        try {
            JsonNode name = YAML.readTree(document).path("metadata").path("name");
            return name.isTextual() && !name.asText().isBlank() ? Optional.of(name.asText()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
