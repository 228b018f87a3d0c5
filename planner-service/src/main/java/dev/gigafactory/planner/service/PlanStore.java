package dev.gigafactory.planner.service;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.events.EventType;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.SpecChange;
import dev.gigafactory.contracts.events.SpecRetried;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.planner.domain.OutboxEvent;
import dev.gigafactory.planner.domain.StoredPlan;
import dev.gigafactory.planner.domain.StoredVersion;
import dev.gigafactory.planner.domain.VersionState;
import dev.gigafactory.planner.repository.BudgetRepository;
import dev.gigafactory.planner.repository.OutboxRepository;
import dev.gigafactory.planner.repository.PlanRepository;
import dev.gigafactory.planner.repository.ProcessedEventRepository;
import dev.gigafactory.planner.repository.SpecVersionRepository;
import dev.gigafactory.planner.repository.VersionStateRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The planner's memory. Every method runs inside the caller's transaction. */
@ApplicationScoped
public class PlanStore {

    private final ProcessedEventRepository processed;
    private final SpecVersionRepository versions;
    private final PlanRepository plans;
    private final BudgetRepository budgets;
    private final OutboxRepository outbox;
    private final VersionStateRepository states;

    public PlanStore(ProcessedEventRepository processed, SpecVersionRepository versions, PlanRepository plans,
            BudgetRepository budgets, OutboxRepository outbox, VersionStateRepository states) {
        this.processed = processed;
        this.versions = versions;
        this.plans = plans;
        this.budgets = budgets;
        this.outbox = outbox;
        this.states = states;
    }

    /** Locks the spec for this transaction, then remembers the event id; false when it was handled before. */
    public Uni<Boolean> firstTime(String spec, String eventId) {
        return processed.firstTime(spec, eventId);
    }

    /** Stores a version {@link #state} found no document for. */
    public Uni<Void> storeVersion(SpecAccepted accepted) {
        return storeVersion(accepted.spec(), accepted.version(), accepted.digest(), accepted.document(),
                accepted.changes(), accepted.acceptedAt());
    }

    /** Stores the document of a retried version whose acceptance this planner never saw. */
    public Uni<Void> storeVersion(SpecRetried retried) {
        return storeVersion(retried.spec(), retried.version(), retried.digest(), retried.document(), List.of(),
                retried.retriedAt());
    }

    /** Remembers the code a failed attempt was built from, so a repair writing it again is seen for what it is. */
    public Uni<Void> failed(TestsCompleted tests) {
        return tests.sourceDigest() == null
                ? Uni.createFrom().voidItem()
                : budgets.failed(tests.spec(), tests.version(), tests.attempt(), tests.sourceDigest());
    }

    /** Remembers the code an attempt passed with: the next version's incremental plan builds on it. */
    public Uni<Void> passed(TestsCompleted tests) {
        return tests.sourceDigest() == null
                ? Uni.createFrom().voidItem()
                : budgets.passed(tests.spec(), tests.version(), tests.attempt(), tests.sourceDigest());
    }

    private Uni<Void> storeVersion(String name, int number, String digest, ServiceSpec document,
            List<SpecChange> changes, Instant at) {
        StoredVersion version = new StoredVersion();
        version.name = name;
        version.version = number;
        version.digest = digest;
        version.document = Json.writeString(document);
        version.changes = Json.writeString(changes);
        version.acceptedAt = at != null ? at : Instant.now();
        return versions.persist(version).replaceWithVoid();
    }

    public Uni<VersionState> state(String name, int version) {
        return states.find(name, version);
    }

    public Uni<Void> addSpend(LedgerEntryRecorded entry) {
        return budgets.addSpend(entry.spec(), entry.version(), entry.promptTokens() + entry.completionTokens(),
                entry.costUsd() == null ? BigDecimal.ZERO : entry.costUsd());
    }

    /** Stores the decision and its event; the returned outbox row is what to send once committed (null: nothing). */
    public Uni<OutboxEvent> record(Decision decision, String traceparent) {
        if (decision instanceof Decision.Plan made) {
            PlanCreated plan = made.plan();
            Uni<Void> round = made.round() == null
                    ? Uni.createFrom().voidItem()
                    : budgets.startRound(plan.spec(), plan.version(), made.round().startAttempt(),
                            made.round().retry());
            return round.chain(() -> plans.persist(plan(plan))).chain(() -> enqueue(plan, traceparent));
        }
        if (decision instanceof Decision.Abandon abandon) {
            var event = abandon.abandoned();
            return budgets.abandon(event.spec(), event.version(), abandon.budget(), event.reason())
                    .chain(() -> enqueue(event, traceparent));
        }
        return Uni.createFrom().nullItem();
    }

    public Uni<List<OutboxEvent>> unsent(Instant before) {
        return outbox.unpublishedBefore(before);
    }

    public Uni<Integer> markPublished(long outboxId) {
        return outbox.markPublished(outboxId);
    }

    private Uni<OutboxEvent> enqueue(FactoryEvent event, String traceparent) {
        EventType type = EventType.of(event);
        OutboxEvent row = new OutboxEvent();
        row.eventId = CloudEventCodec.idOf(type, event);
        row.ceType = type.ceType();
        row.payload = Json.writeString(event);
        row.traceparent = traceparent;
        row.createdAt = Instant.now();
        return outbox.persist(row);
    }

    private static StoredPlan plan(PlanCreated plan) {
        StoredPlan row = new StoredPlan();
        row.name = plan.spec();
        row.version = plan.version();
        row.attempt = plan.attempt();
        row.kind = plan.kind().name();
        row.tasks = Json.writeString(plan.tasks());
        row.reason = plan.reason();
        row.eventId = CloudEventCodec.idOf(EventType.PLAN_CREATED, plan);
        row.createdAt = Instant.now();
        return row;
    }
}
