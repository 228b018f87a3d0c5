package dev.gigafactory.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.topics.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the end-to-end tests do as a user would: publish with a plain producer, read topics, ask the status API. */
public final class FleetSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private FleetSupport() {
    }

    public static String spec(String name) {
        return """
                apiVersion: gigafactory.dev/v1alpha1
                kind: ServiceSpec
                metadata: { name: %s }
                spec:
                  entities:
                    - name: Note
                      fields: [ { name: text, type: string, required: true } ]
                """.formatted(name);
    }

    public static RecordMetadata publish(KafkaProducer<String, byte[]> producer, String key, String document) {
        try {
            return producer.send(new ProducerRecord<>(Topics.SPECS_SUBMITTED, key,
                    document.getBytes(StandardCharsets.UTF_8))).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("publish failed", e);
        }
    }

    public static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(),
                new ByteArraySerializer());
    }

    public static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    /** Every record on a topic right now, read from the beginning without a consumer group. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    public static String ceId(ConsumerRecord<String, byte[]> record) {
        return CloudEventCodec.text(record.headers(), CloudEventCodec.ID);
    }

    public static JsonNode getJson(URI uri) {
        String body = getText(uri);
        return body == null ? null : Json.read(body, JsonNode.class);
    }

    /** The body of a 200 answer; null for any other answer or none. */
    public static String getText(URI uri) {
        return send(HttpRequest.newBuilder(uri).build(), 200);
    }

    /** POSTs a JSON document as a client of a product would; the 201 answer's body, or null. */
    public static JsonNode postJson(URI uri, String json) {
        String body = send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), 201);
        return body == null ? null : Json.read(body, JsonNode.class);
    }

    private static String send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == expected ? response.body() : null;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
