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
import dev.gigafactory.planner.domain.VersionState;
import dev.gigafactory.planner.repository.BudgetRepository;
import dev.gigafactory.planner.repository.DecisionWrites;
import dev.gigafactory.planner.repository.OutboxRepository;
import dev.gigafactory.planner.repository.ProcessedEventRepository;
import dev.gigafactory.planner.repository.VersionStateRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The planner's memory. Every method runs inside the caller's transaction; what a decision writes is collected in its
 * {@link DecisionWrites} and sent in one statement by {@link #record}.
 */
@ApplicationScoped
public class PlanStore {

    private final ProcessedEventRepository processed;
    private final BudgetRepository budgets;
    private final OutboxRepository outbox;
    private final VersionStateRepository states;

    public PlanStore(ProcessedEventRepository processed, BudgetRepository budgets, OutboxRepository outbox,
            VersionStateRepository states) {
        this.processed = processed;
        this.budgets = budgets;
        this.outbox = outbox;
        this.states = states;
    }

    /** Locks the spec for this transaction, then remembers the event id; false when it was handled before. */
    public Uni<Boolean> firstTime(String spec, String eventId) {
        return processed.firstTime(spec, eventId);
    }

    /** Keeps a version {@link #state} found no document for. */
    public static void keepVersion(DecisionWrites writes, SpecAccepted accepted) {
        keepVersion(writes, accepted.spec(), accepted.version(), accepted.digest(), accepted.document(),
                accepted.changes(), accepted.acceptedAt());
    }

    /** Keeps the document of a retried version whose acceptance this planner never saw. */
    public static void keepVersion(DecisionWrites writes, SpecRetried retried) {
        keepVersion(writes, retried.spec(), retried.version(), retried.digest(), retried.document(), List.of(),
                retried.retriedAt());
    }

    /** Remembers the code a failed attempt was built from, so a repair writing it again is seen for what it is. */
    public static void failed(DecisionWrites writes, TestsCompleted tests) {
        if (tests.sourceDigest() != null) {
            writes.failed(tests.spec(), tests.version(), tests.attempt(), tests.sourceDigest());
        }
    }

    /** Remembers the code an attempt passed with: the base every plan of a later version names. */
    public Uni<Void> passed(TestsCompleted tests) {
        return tests.sourceDigest() == null
                ? Uni.createFrom().voidItem()
                : budgets.passed(tests.spec(), tests.version(), tests.attempt(), tests.sourceDigest());
    }

    private static void keepVersion(DecisionWrites writes, String name, int number, String digest,
            ServiceSpec document, List<SpecChange> changes, Instant at) {
        writes.version(name, number, digest, Json.writeString(document), Json.writeString(changes),
                at != null ? at : Instant.now());
    }

    public Uni<VersionState> state(String name, int version) {
        return states.find(name, version);
    }

    public Uni<Void> addSpend(LedgerEntryRecorded entry) {
        return budgets.addSpend(entry.spec(), entry.version(), entry.promptTokens() + entry.completionTokens(),
                entry.costUsd() == null ? BigDecimal.ZERO : entry.costUsd());
    }

    /**
     * Stores the decision, its event and the input's other writes in one statement; the returned outbox row is what
     * to send once committed (null: nothing).
     */
    public Uni<OutboxEvent> record(Decision decision, DecisionWrites writes, String traceparent) {
        OutboxEvent row = null;
        if (decision instanceof Decision.Plan made) {
            PlanCreated plan = made.plan();
            if (made.round() != null) {
                writes.startRound(plan.spec(), plan.version(), made.round().startAttempt(), made.round().retry());
            }
            row = outboxRow(plan, traceparent);
            writes.plan(plan.spec(), plan.version(), plan.attempt(), plan.kind().name(),
                    Json.writeString(plan.tasks()), plan.reason(), row.eventId, row.createdAt);
        } else if (decision instanceof Decision.Abandon abandon) {
            var event = abandon.abandoned();
            writes.abandon(event.spec(), event.version(), abandon.budget(), event.reason());
            row = outboxRow(event, traceparent);
        }
        if (row != null) {
            writes.event(row.eventId, row.ceType, row.payload, row.traceparent, row.createdAt);
        }
        OutboxEvent sent = row;
        return writes.execute().replaceWith(sent);
    }

    public Uni<List<OutboxEvent>> unsent(Instant before) {
        return outbox.unpublishedBefore(before);
    }

    public Uni<Integer> markPublished(String eventId) {
        return outbox.markPublished(eventId);
    }

    private static OutboxEvent outboxRow(FactoryEvent event, String traceparent) {
        EventType type = EventType.of(event);
        OutboxEvent row = new OutboxEvent();
        row.eventId = CloudEventCodec.idOf(type, event);
        row.ceType = type.ceType();
        row.payload = Json.writeString(event);
        row.traceparent = traceparent;
        row.createdAt = Instant.now();
        return row;
    }
}
