package dev.gigafactory.contracts.events;

import dev.gigafactory.contracts.spec.ServiceSpec;
import java.time.Instant;
import java.util.List;

/** A document passed validation and became a new version of its spec. */
public record SpecAccepted(String spec, int version, int attempt, String digest, ServiceSpec document,
        List<SpecChange> changes, Instant acceptedAt) implements FactoryEvent {
}
