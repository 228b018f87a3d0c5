package dev.gigafactory.contracts.events;

import java.time.Instant;

/**
 * The release gate cannot run at all (no sandbox, a full disk, an unwritable workspace, sources missing from the
 * store): an outage of the tester, not a verdict on the code. The version waits, its budget untouched, and is tested
 * as soon as the gate can run again; {@code reason} says what the tester is waiting for.
 */
public record TestsWaiting(String spec, int version, int attempt, String sourceDigest, String reason,
        Instant since) implements FactoryEvent {

    @Override
    public String discriminator() {
        return reason;
    }
}
