package dev.gigafactory.contracts.codec;

import dev.gigafactory.contracts.events.EventType;
import dev.gigafactory.contracts.events.FactoryEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** CloudEvents 1.0 in Kafka binary mode: attributes as {@code ce_*} headers, the event's JSON as the value. */
public final class CloudEventCodec {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    public static final String TRACEPARENT = "traceparent";

    private CloudEventCodec() {
    }

    /**
     * The id is derived from type, spec, version, attempt and discriminator: the same fact published twice carries
     * the same id, which is what lets consumers drop the duplicate.
     */
    public static EncodedEvent encode(FactoryEvent event, String source) {
        EventType type = EventType.of(event);
        String id = idOf(type, event);
        Headers headers = new RecordHeaders();
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, id);
        put(headers, TYPE, type.ceType());
        put(headers, SOURCE, source);
        put(headers, SUBJECT, event.spec());
        put(headers, TIME, Instant.now().toString());
        put(headers, CONTENT_TYPE, "application/json");
        return new EncodedEvent(type.topic(), event.spec(), id, headers, Json.write(event));
    }

    public static String idOf(EventType type, FactoryEvent event) {
        String identity = String.join("\u0000", type.ceType(), event.spec(), Integer.toString(event.version()),
                Integer.toString(event.attempt()), event.discriminator());
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static <T extends FactoryEvent> CloudEvent<T> decode(Headers headers, byte[] value, Class<T> expected) {
        CloudEvent<FactoryEvent> event = decode(headers, value);
        if (!expected.isInstance(event.data())) {
            throw new InvalidEventException(
                    "expected " + expected.getSimpleName() + " but the record is " + event.type());
        }
        @SuppressWarnings("unchecked")
        CloudEvent<T> typed = (CloudEvent<T>) event;
        return typed;
    }

    public static CloudEvent<FactoryEvent> decode(Headers headers, byte[] value) {
        String specVersion = text(headers, SPEC_VERSION);
        if (!"1.0".equals(specVersion)) {
            throw new InvalidEventException("not a CloudEvent 1.0 in binary mode: ce_specversion is " + specVersion);
        }
        String ceType = required(headers, TYPE);
        EventType type = EventType.byCeType(ceType)
                .orElseThrow(() -> new InvalidEventException("unknown CloudEvent type '" + ceType + "'"));
        if (value == null || value.length == 0) {
            throw new InvalidEventException(ceType + " record has no data");
        }
        FactoryEvent data;
        try {
            data = Json.mapper().readValue(value, type.recordType());
        } catch (Exception e) {
            throw new InvalidEventException(ceType + " data is not valid: " + firstLine(e.getMessage()), e);
        }
        if (data.spec() == null) {
            throw new InvalidEventException(ceType + " data names no spec");
        }
        return new CloudEvent<>(required(headers, ID), ceType, text(headers, SOURCE), text(headers, SUBJECT),
                time(headers), text(headers, TRACEPARENT), data);
    }

    public static String text(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String required(Headers headers, String name) {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("CloudEvent header " + name + " is missing");
        }
        return value;
    }

    private static Instant time(Headers headers) {
        String value = text(headers, TIME);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("ce_time '" + value + "' is not an RFC 3339 timestamp");
        }
    }

    private static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
