package dev.gigafactory.intake.service;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.events.EventType;
import dev.gigafactory.contracts.events.SpecRetried;
import dev.gigafactory.contracts.events.Submission;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.intake.domain.SpecRetry;
import dev.gigafactory.intake.domain.SpecVersion;
import dev.gigafactory.intake.messaging.SpecEventPublisher;
import dev.gigafactory.intake.repository.SpecRetryRepository;
import dev.gigafactory.intake.repository.SpecVersionRepository;
import dev.gigafactory.intake.repository.StatusRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Retries the newest version of a spec that failed for good: the same document, a fresh budget. The retry is stored
 * with its timeline entry (so a second request at once is refused as already retrying), committed, then announced
 * as {@link SpecRetried} on the intake's topic for the planner.
 */
@ApplicationScoped
public class RetryService {

    private final SpecVersionRepository versions;
    private final SpecRetryRepository retries;
    private final StatusRepository status;
    private final TimelineService timeline;
    private final SpecEventPublisher publisher;

    public RetryService(SpecVersionRepository versions, SpecRetryRepository retries, StatusRepository status,
            TimelineService timeline, SpecEventPublisher publisher) {
        this.versions = versions;
        this.retries = retries;
        this.status = status;
        this.timeline = timeline;
        this.publisher = publisher;
    }

    public Uni<RetryOutcome> retry(String name, Submission source) {
        return Panache.withTransaction(() -> versions.lockName(name)
                .chain(() -> versions.latest(name))
                .chain(latest -> latest == null
                        ? Uni.createFrom().<RetryOutcome>item(new RetryOutcome.NoSuchSpec(name))
                        : retryIfFailed(latest, source)))
                .invoke(outcome -> {
                    if (outcome instanceof RetryOutcome.Retried retried) {
                        timeline.announce(retried.change());
                    }
                })
                .call(this::publishUnpublishedRetries);
    }

    private Uni<RetryOutcome> retryIfFailed(SpecVersion latest, Submission source) {
        return status.status(latest.name, latest.version).chain(current -> status.lastFailure(latest.name,
                latest.version).chain(
                        failure -> RetryRule.failedForGood(current, failure)
                                .map(reason -> store(latest, reason, source))
                                .orElseGet(() -> Uni.createFrom().item(new RetryOutcome.Refused(latest.name,
                                        latest.version, RetryRule.refusal(current, latest.version))))));
    }

    private Uni<RetryOutcome> store(SpecVersion latest, String reason, Submission source) {
        return retries.countFor(latest.name, latest.version).chain(count -> {
            SpecRetried event = new SpecRetried(latest.name, latest.version, 0, count.intValue() + 1, latest.digest,
                    Json.read(latest.document, ServiceSpec.class), reason, source, Instant.now());
            SpecRetry row = new SpecRetry();
            row.name = event.spec();
            row.version = event.version();
            row.retry = event.retry();
            row.event = Json.writeString(event);
            row.requestedAt = event.retriedAt();
            String eventId = CloudEventCodec.idOf(EventType.SPEC_RETRIED, event);
            return retries.persist(row)
                    .chain(() -> timeline.retried(event, eventId))
                    .map(change -> new RetryOutcome.Retried(event.spec(), event.version(), event.retry(), change));
        });
    }

    /** The outbox relay for retries: announces every committed retry not yet announced, oldest first. */
    public Uni<Void> publishUnpublishedRetries() {
        return Panache.withSession(() -> retries.unpublished())
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(row -> publisher
                        .publish(Json.read(row.event, SpecRetried.class))
                        .chain(() -> Panache.withTransaction(() -> retries.markPublished(row.id))))
                .collect().last().replaceWithVoid();
    }
}
