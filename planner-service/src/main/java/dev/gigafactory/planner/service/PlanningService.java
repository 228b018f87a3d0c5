package dev.gigafactory.planner.service;

import dev.gigafactory.contracts.codec.CloudEvent;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.SpecRetried;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.planner.domain.OutboxEvent;
import dev.gigafactory.planner.repository.DecisionWrites;
import dev.gigafactory.planner.messaging.EventPublisher;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Handles one input: in one transaction, remember its event id, decide, and store the decision with its event;
 * after the commit, send that event. A redelivered input finds its id remembered and changes nothing.
 */
@ApplicationScoped
public class PlanningService {

    private static final Logger LOG = Logger.getLogger(PlanningService.class);

    private final Planner planner;
    private final PlanStore store;
    private final EventPublisher publisher;
    private final PlanMetrics metrics;

    public PlanningService(Planner planner, PlanStore store, EventPublisher publisher, PlanMetrics metrics) {
        this.planner = planner;
        this.store = store;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    public Uni<Void> accepted(CloudEvent<SpecAccepted> event) {
        SpecAccepted accepted = event.data();
        return handle(event, "accepted", writes -> store.state(accepted.spec(), accepted.version())
                .map(state -> {
                    if (state.document() == null) {
                        PlanStore.keepVersion(writes, accepted);
                    }
                    return planner.accept(accepted, state);
                }));
    }

    /** A failed version built again: a new round, planned from the stored document (or the event's). */
    public Uni<Void> retried(CloudEvent<SpecRetried> event) {
        SpecRetried retried = event.data();
        return handle(event, "retry", writes -> store.state(retried.spec(), retried.version())
                .map(state -> {
                    if (state.document() == null && retried.document() != null) {
                        PlanStore.keepVersion(writes, retried);
                    }
                    return planner.retry(retried, state);
                }));
    }

    public Uni<Void> testsCompleted(CloudEvent<TestsCompleted> event) {
        TestsCompleted tests = event.data();
        if (tests.passed()) {
            // Deploying it is the deployer's business; its code is the base of the next version's plan.
            return Panache.withTransaction(() -> store.passed(tests));
        }
        // A failure that counts (not stale, not superseded) is remembered with its code's digest.
        return handle(event, "tests", writes -> store.state(tests.spec(), tests.version())
                .map(state -> {
                    Decision decision = planner.repair(tests, state);
                    if (!(decision instanceof Decision.Nothing)) {
                        PlanStore.failed(writes, tests);
                    }
                    return decision;
                }));
    }

    public Uni<Void> incident(CloudEvent<IncidentDetected> event) {
        IncidentDetected incident = event.data();
        if (incident.action() != IncidentDetected.Remediation.REPLAN) {
            return Uni.createFrom().voidItem(); // restarts and rollbacks are the deployer's
        }
        return handle(event, "incident", writes -> store.state(incident.spec(), incident.version())
                .map(state -> planner.remediate(incident, state)));
    }

    public Uni<Void> ledger(CloudEvent<LedgerEntryRecorded> event) {
        if (event.data().free()) {
            return Uni.createFrom().voidItem(); // a template call: its time is on the ledger, nothing to count here
        }
        return handle(event, "ledger", writes -> store.addSpend(event.data())
                .replaceWith(new Decision.Nothing("spend counted")));
    }

    /** Sends what was committed but not sent before {@code before} (a crash or broker outage), oldest first. */
    public Uni<Void> relayUnsent(Instant before) {
        return Panache.withSession(() -> store.unsent(before))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(this::send)
                .collect().last().replaceWithVoid();
    }

    /** {@code decide} may add writes of its own to the decision's; all of them go in one statement. */
    private Uni<Void> handle(CloudEvent<? extends FactoryEvent> event, String input,
            Function<DecisionWrites, Uni<Decision>> decide) {
        Timer.Sample sample = metrics.start();
        return Panache.withTransaction(() -> store.firstTime(event.data().spec(), event.id()).chain(first -> {
            if (!first) {
                return Uni.createFrom().item(new Outcome(new Decision.Nothing("already handled"), null));
            }
            DecisionWrites writes = new DecisionWrites();
            return decide.apply(writes).chain(decision -> store.record(decision, writes, event.traceparent())
                    .map(row -> new Outcome(decision, row)));
        }))
                .invoke(outcome -> {
                    metrics.committed(outcome.decision());
                    log(event, outcome.decision());
                })
                .call(outcome -> outcome.row() == null ? Uni.createFrom().voidItem() : sendOrLeave(outcome.row()))
                .eventually(() -> metrics.stop(sample, input))
                .replaceWithVoid();
    }

    // The decision is committed: a failed send must not dead-letter the input; the relay sends the row later.
    private Uni<Void> sendOrLeave(OutboxEvent row) {
        return send(row).onFailure().recoverWithUni(failure -> {
            LOG.warnf(failure, "could not send %s %s yet; the outbox relay retries", row.ceType, row.eventId);
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> send(OutboxEvent row) {
        return publisher.publish(row).chain(() -> Panache.withTransaction(() -> store.markPublished(row.eventId)))
                .replaceWithVoid();
    }

    private static void log(CloudEvent<? extends FactoryEvent> event, Decision decision) {
        FactoryEvent data = event.data();
        String what;
        if (decision instanceof Decision.Plan plan) {
            what = "planned " + plan.plan().kind() + " attempt " + plan.plan().attempt();
        } else if (decision instanceof Decision.Abandon abandon) {
            what = "abandoned (" + abandon.budget() + "): " + abandon.abandoned().reason();
        } else {
            what = "nothing: " + ((Decision.Nothing) decision).why();
        }
        LOG.infof("%s v%d attempt %d (%s): %s", data.spec(), data.version(), data.attempt(), event.id(), what);
    }

    private record Outcome(Decision decision, OutboxEvent row) {
    }
}
