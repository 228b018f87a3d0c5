package dev.gigafactory.contracts.events;

import java.time.Instant;

/**
 * Someone took a spec out of service (its ServiceSpec resource was deleted): the deployer stops and removes the
 * product, the monitor stops watching it. {@code version} is the newest version the retiring party knew (0 when none
 * was accepted yet). {@code requestId} names the one request (the deleted resource's uid), so a spec retired, created
 * again and retired again is two facts, while a re-announced retirement repeats its id.
 */
public record SpecRetired(String spec, int version, int attempt, String requestId, String requestedBy,
        Instant retiredAt) implements FactoryEvent {

    @Override
    public String discriminator() {
        return requestId;
    }
}
