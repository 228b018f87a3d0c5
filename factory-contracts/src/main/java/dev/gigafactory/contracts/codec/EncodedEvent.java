package dev.gigafactory.contracts.codec;

import org.apache.kafka.common.header.Headers;

/** An event ready for Kafka: topic, key (the spec name), binary-mode CloudEvent headers, JSON value. */
public record EncodedEvent(String topic, String key, String id, Headers headers, byte[] value) {
}
