package dev.gigafactory.contracts.events;

import dev.gigafactory.contracts.spec.ServiceSpec;

/** The coder wrote a source tree; it lives in the artifact store under {@code sourceDigest} (claim check). */
public record CodeGenerated(String spec, int version, int attempt, String stack, String agent, String sourceDigest,
        int fileCount, ServiceSpec document) implements FactoryEvent {

    /**
     * The deterministic template agent's name in {@code agent}: it writes the same code for the same plan, so the
     * planner knows a repair by it cannot change a failed outcome.
     */
    public static final String TEMPLATE_AGENT = "template";
}
