package dev.gigafactory.contracts.events;

/** A fact one stage of the factory publishes. Every event names its spec, the spec version and the attempt. */
public sealed interface FactoryEvent
        permits SpecAccepted, SpecRetried, SpecRejected, SpecUnchanged, PlanCreated, PlanAbandoned, CodeGenerated,
        TestsCompleted, TestsWaiting, DeploymentCompleted, ProductExited, IncidentDetected, LedgerEntryRecorded,
        SpecRetired {

    String spec();

    int version();

    int attempt();

    /**
     * What tells two distinct facts of the same type, spec, version and attempt apart. Part of the deterministic
     * CloudEvent id, so a stage that redoes the same work publishes the same id and consumers see a duplicate.
     */
    default String discriminator() {
        return "";
    }
}
