package dev.gigafactory.coder.service;

import dev.gigafactory.coder.domain.GeneratedSource;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.stacks.jdkhttp.UnsafeSpecException;

/**
 * Writes a product's source tree for a plan. An agent must be deterministic for the same plan when it can be (the
 * template agent is), so that a redelivered plan yields the same tree, digest and event.
 */
public interface CodeAgent {

    /** The name recorded in {@code CodeGenerated.agent}. */
    String name();

    /** @throws UnsafeSpecException when the plan's spec cannot be turned into code safely */
    GeneratedSource generate(PlanCreated plan);
}
