package dev.gigafactory.coder.service;

import dev.gigafactory.coder.domain.GeneratedSource;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.stacks.jdkhttp.UnsafeSpecException;

/**
 * Runs a plan's tasks into a product's source tree. An agent must be deterministic for the same plan and base when
 * it can be (the template agent is), so that a redelivered plan yields the same tree, digest and event.
 */
public interface CodeAgent {

    /** The name recorded in {@code CodeGenerated.agent}. */
    String name();

    /**
     * @param base the tree named by the plan's {@code baseDigest}, or null when the plan has none or it cannot be
     *        read: then every task runs
     * @throws UnsafeSpecException when the plan's spec cannot be turned into code safely, or the plan cannot be run
     */
    GeneratedSource generate(PlanCreated plan, SourceTree base);
}
