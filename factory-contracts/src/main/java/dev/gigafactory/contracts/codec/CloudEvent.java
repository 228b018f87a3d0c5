package dev.gigafactory.contracts.codec;

import dev.gigafactory.contracts.events.FactoryEvent;
import java.time.Instant;

/** A decoded CloudEvent: its context attributes and its data. */
public record CloudEvent<T extends FactoryEvent>(String id, String type, String source, String subject, Instant time,
        String traceparent, T data) {
}
