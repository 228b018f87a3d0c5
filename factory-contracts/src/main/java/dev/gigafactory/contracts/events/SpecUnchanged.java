package dev.gigafactory.contracts.events;

import java.time.Instant;

/**
 * A submitted document means exactly what its spec's newest version means, so nothing new is built: the answer a
 * Kafka client gets instead of silence. {@code stage} is where that version is; when it ended as failed,
 * {@code detail} says why and {@code retryHint} how to build it again (a resubmission is not a retry).
 */
public record SpecUnchanged(String spec, int version, int attempt, String digest, String stage, String detail,
        String retryHint, Submission source, Instant at) implements FactoryEvent {

    @Override
    public String discriminator() {
        return source.id();
    }
}
