package dev.gigafactory.contracts.events;

import dev.gigafactory.contracts.spec.ServiceSpec;
import java.time.Instant;

/**
 * Someone asked for a failed version to be built again, unchanged, with a fresh budget. {@code retry} counts the
 * retries of this version (1 for the first). {@code attempt} is 0: the planner numbers attempts, and a retry's first
 * plan goes on from the version's last attempt, so no event of the failed round is ever repeated by the new one.
 */
public record SpecRetried(String spec, int version, int attempt, int retry, String digest, ServiceSpec document,
        String previousFailure, Submission source, Instant retriedAt) implements FactoryEvent {

    @Override
    public String discriminator() {
        return "retry-" + retry;
    }
}
