package dev.gigafactory.operator.kafka;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.EncodedEvent;
import dev.gigafactory.contracts.events.EventType;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the operator puts on Kafka, each send waited for until the broker acknowledges it: the caller records that
 * something was published only after this returns.
 */
public final class FactoryKafka implements AutoCloseable {

    public static final String SOURCE = "/gigafactory/factory-operator";
    /** Every topic the operator writes (the cluster's ACLs are generated from this). */
    public static final List<String> TOPICS = List.of(Topics.SPECS_SUBMITTED, EventType.SPEC_RETIRED.topic());
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<String, byte[]> producer;

    public FactoryKafka(Map<String, Object> settings) {
        this.producer = new KafkaProducer<>(KafkaSettings.with(settings, Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ACK_TIMEOUT.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000)));
    }

    /** The resource's document on the intake topic, keyed by spec name like any other submission. */
    public void submit(String spec, byte[] document) {
        send(new ProducerRecord<>(Topics.SPECS_SUBMITTED, spec, document));
    }

    public void announce(FactoryEvent event) {
        EncodedEvent encoded = CloudEventCodec.encode(event, SOURCE);
        Headers headers = encoded.headers();
        send(new ProducerRecord<>(encoded.topic(), null, encoded.key(), encoded.value(), headers));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(ACK_TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge a record on " + record.topic(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
