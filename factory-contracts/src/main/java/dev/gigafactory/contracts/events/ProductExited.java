package dev.gigafactory.contracts.events;

import java.time.Instant;

/**
 * A deployed product's process ended without being asked to: heard by the deployer the moment it happens (it
 * started the process and waits on it), so the monitor does not have to probe a product every second to notice a
 * crash. {@code pid} tells two exits of the same version apart (a restart re-runs it under the same spec, version and
 * attempt); {@code evidence} is the exit and the last lines the product printed. A fact, not a verdict: the monitor
 * confirms it with a probe of the stable URL and decides the remediation, as for a crash it found itself.
 */
public record ProductExited(String spec, int version, int attempt, long pid, Instant exitedAt, String evidence)
        implements
            FactoryEvent {

    @Override
    public String discriminator() {
        return Long.toString(pid);
    }
}
