package dev.gigafactory.contracts.events;

import dev.gigafactory.contracts.topics.Topics;
import java.util.Arrays;
import java.util.Optional;

/** Each event record with its CloudEvent type and the topic it travels on. */
public enum EventType {
    // @formatter:off
    SPEC_ACCEPTED("dev.gigafactory.spec.accepted.v1", Topics.SPECS_ACCEPTED, SpecAccepted.class),
    SPEC_RETRIED("dev.gigafactory.spec.retried.v1", Topics.SPECS_ACCEPTED, SpecRetried.class),
    SPEC_REJECTED("dev.gigafactory.spec.rejected.v1", Topics.SPECS_REJECTED, SpecRejected.class),
    SPEC_UNCHANGED("dev.gigafactory.spec.unchanged.v1", Topics.SPECS_REJECTED, SpecUnchanged.class),
    PLAN_CREATED("dev.gigafactory.plan.created.v1", Topics.PLANS_CREATED, PlanCreated.class),
    PLAN_ABANDONED("dev.gigafactory.plan.abandoned.v1", Topics.PLANS_CREATED, PlanAbandoned.class),
    CODE_GENERATED("dev.gigafactory.code.generated.v1", Topics.CODE_GENERATED, CodeGenerated.class),
    TESTS_COMPLETED("dev.gigafactory.tests.completed.v1", Topics.TESTS_COMPLETED, TestsCompleted.class),
    TESTS_WAITING("dev.gigafactory.tests.waiting.v1", Topics.TESTS_COMPLETED, TestsWaiting.class),
    DEPLOYMENT_COMPLETED("dev.gigafactory.deployment.completed.v1", Topics.DEPLOYMENTS_COMPLETED,
            DeploymentCompleted.class),
    PRODUCT_EXITED("dev.gigafactory.product.exited.v1", Topics.PRODUCTS_EXITED, ProductExited.class),
    INCIDENT_DETECTED("dev.gigafactory.incident.detected.v1", Topics.INCIDENTS_DETECTED, IncidentDetected.class),
    LEDGER_ENTRY_RECORDED("dev.gigafactory.ledger.entry.v1", Topics.LEDGER, LedgerEntryRecorded.class),
    SPEC_RETIRED("dev.gigafactory.spec.retired.v1", Topics.SPECS_RETIRED, SpecRetired.class);
    // @formatter:on

    private final String ceType;
    private final String topic;
    private final Class<? extends FactoryEvent> recordType;

    EventType(String ceType, String topic, Class<? extends FactoryEvent> recordType) {
        this.ceType = ceType;
        this.topic = topic;
        this.recordType = recordType;
    }

    public String ceType() {
        return ceType;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends FactoryEvent> recordType() {
        return recordType;
    }

    public static EventType of(FactoryEvent event) {
        return Arrays.stream(values()).filter(type -> type.recordType == event.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event type for " + event.getClass()));
    }

    public static Optional<EventType> byCeType(String ceType) {
        return Arrays.stream(values()).filter(type -> type.ceType.equals(ceType)).findFirst();
    }
}
