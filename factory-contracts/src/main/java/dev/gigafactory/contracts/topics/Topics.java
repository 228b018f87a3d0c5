package dev.gigafactory.contracts.topics;

import java.util.List;

/** The topic catalog: the only place a topic name is written. */
public final class Topics {

    public static final String SPECS_SUBMITTED = "factory.specs.submitted";
    public static final String SPECS_ACCEPTED = "factory.specs.accepted";
    public static final String SPECS_REJECTED = "factory.specs.rejected";
    public static final String PLANS_CREATED = "factory.plans.created";
    public static final String CODE_GENERATED = "factory.code.generated";
    public static final String TESTS_COMPLETED = "factory.tests.completed";
    public static final String DEPLOYMENTS_COMPLETED = "factory.deployments.completed";
    /** Its own topic: only the monitor needs it, and nothing that follows the pipeline has to skip it. */
    public static final String PRODUCTS_EXITED = "factory.products.exited";
    public static final String INCIDENTS_DETECTED = "factory.incidents.detected";
    public static final String LEDGER = "factory.ledger";
    public static final String DLQ = "factory.dlq";
    /** Its own topic: only the operator writes it, and the deployer and monitor read it without skipping others. */
    public static final String SPECS_RETIRED = "factory.specs.retired";

    /** A topic and how many partitions it is created with. */
    public record Topic(String name, int partitions) {
    }

    // Keyed by spec name, so per-spec order holds on any partition count; more partitions let consumers scale out.
    public static final List<Topic> ALL = List.of(
            new Topic(SPECS_SUBMITTED, 6),
            new Topic(SPECS_ACCEPTED, 6),
            new Topic(SPECS_REJECTED, 3),
            new Topic(PLANS_CREATED, 6),
            new Topic(CODE_GENERATED, 6),
            new Topic(TESTS_COMPLETED, 6),
            new Topic(DEPLOYMENTS_COMPLETED, 6),
            new Topic(PRODUCTS_EXITED, 3),
            new Topic(INCIDENTS_DETECTED, 3),
            new Topic(LEDGER, 3),
            new Topic(DLQ, 1),
            new Topic(SPECS_RETIRED, 3));

    /** Every topic the status read model follows: the whole pipeline after submission. */
    public static final List<String> PIPELINE = List.of(SPECS_ACCEPTED, SPECS_REJECTED, PLANS_CREATED,
            CODE_GENERATED, TESTS_COMPLETED, DEPLOYMENTS_COMPLETED, INCIDENTS_DETECTED);

    private Topics() {
    }

    public static boolean isCatalogued(String name) {
        return ALL.stream().anyMatch(topic -> topic.name().equals(name));
    }
}
