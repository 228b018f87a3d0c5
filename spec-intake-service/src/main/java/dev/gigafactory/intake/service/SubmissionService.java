package dev.gigafactory.intake.service;

import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.SpecChange;
import dev.gigafactory.contracts.events.SpecRejected;
import dev.gigafactory.contracts.events.SpecUnchanged;
import dev.gigafactory.contracts.events.Submission;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.contracts.spec.SpecDiff;
import dev.gigafactory.contracts.spec.SpecDigest;
import dev.gigafactory.contracts.validation.SpecValidator;
import dev.gigafactory.contracts.validation.ValidationResult;
import dev.gigafactory.intake.domain.SpecRejection;
import dev.gigafactory.intake.domain.SpecStatus;
import dev.gigafactory.intake.domain.SpecVersion;
import dev.gigafactory.intake.domain.Stage;
import dev.gigafactory.intake.messaging.SpecEventPublisher;
import dev.gigafactory.intake.repository.SpecRejectionRepository;
import dev.gigafactory.intake.repository.SpecVersionRepository;
import dev.gigafactory.intake.repository.StatusRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The front door's decision: validate a document, then store it as the next version (or recognise it as unchanged,
 * or record its rejection), commit, and only then announce it.
 */
@ApplicationScoped
public class SubmissionService {

    private final SpecValidator validator = new SpecValidator();
    private final SpecVersionRepository versions;
    private final SpecRejectionRepository rejections;
    private final StatusRepository status;
    private final TimelineService timeline;
    private final SpecEventPublisher publisher;

    public SubmissionService(SpecVersionRepository versions, SpecRejectionRepository rejections,
            StatusRepository status, TimelineService timeline, SpecEventPublisher publisher) {
        this.versions = versions;
        this.rejections = rejections;
        this.status = status;
        this.timeline = timeline;
        this.publisher = publisher;
    }

    public Uni<SubmissionOutcome> submit(byte[] document, Submission source) {
        ValidationResult result = validator.validate(document);
        return result.isValid() ? accept(result.spec(), source) : reject(result, source);
    }

    private Uni<SubmissionOutcome> accept(ServiceSpec spec, Submission source) {
        String digest = SpecDigest.of(spec);
        Uni<SubmissionOutcome> stored = Panache.withTransaction(() -> versions.lockName(spec.name())
                .chain(() -> versions.latest(spec.name()))
                .chain(latest -> latest != null && latest.digest.equals(digest)
                        ? unchangedUnlessRetired(spec, digest, latest, source)
                        : storeNextOnItsStack(spec, digest, latest, source)));
        // An unchanged resubmission relays too: it may be the retry of one whose announcement failed after commit.
        return stored.call(this::publishUnpublishedVersions)
                .chain(outcome -> outcome instanceof SubmissionOutcome.Rejected refused
                        ? reject(ValidationResult.invalid(refused.problems(), refused.name()), source)
                        : Uni.createFrom().item(outcome));
    }

    // Refused here, not by the validator: only the spec's history tells which stack it is on.
    private Uni<SubmissionOutcome> storeNextOnItsStack(ServiceSpec spec, String digest, SpecVersion latest,
            Submission source) {
        ServiceSpec previous = latest == null ? null : Json.read(latest.document, ServiceSpec.class);
        return StackRule.moved(previous, spec)
                .<Uni<SubmissionOutcome>>map(problem -> Uni.createFrom()
                        .item(new SubmissionOutcome.Rejected(spec.name(), List.of(problem), false)))
                .orElseGet(() -> storeNext(spec, digest, latest, source));
    }

    // A retired spec submitted again (kubectl delete, then apply of the same file) is wanted back: a new version.
    private Uni<SubmissionOutcome> unchangedUnlessRetired(ServiceSpec spec, String digest, SpecVersion latest,
            Submission source) {
        return status.status(latest.name, latest.version).chain(current -> current != null
                && Stage.RETIRED.wireName().equals(current.stage)
                        ? storeNext(spec, digest, latest, source)
                        : unchanged(latest, current));
    }

    private Uni<SubmissionOutcome> unchanged(SpecVersion latest, SpecStatus current) {
        return status.lastFailure(latest.name, latest.version).map(failure -> new SubmissionOutcome.Unchanged(
                latest.name, latest.version, latest.digest, current == null ? null : current.stage,
                RetryRule.failedForGood(current, failure).orElse(null)));
    }

    /** The answer a Kafka client gets for an unchanged document, on the rejected topic: it is told, not ignored. */
    public Uni<Void> announceUnchanged(SubmissionOutcome.Unchanged unchanged, Submission source) {
        return publisher.publish(new SpecUnchanged(unchanged.name(), unchanged.version(), 0, unchanged.digest(),
                unchanged.stage(), unchanged.message(),
                unchanged.failure() == null ? null : RetryRule.hint(unchanged.name()), source, Instant.now()));
    }

    private Uni<SubmissionOutcome> storeNext(ServiceSpec spec, String digest, SpecVersion latest, Submission source) {
        ServiceSpec previous = latest == null ? null : Json.read(latest.document, ServiceSpec.class);
        List<SpecChange> changes = SpecDiff.between(previous, spec);
        SpecVersion version = new SpecVersion();
        version.name = spec.name();
        version.version = latest == null ? 1 : latest.version + 1;
        version.digest = digest;
        version.document = Json.writeString(spec.normalized());
        version.changes = Json.writeString(changes);
        version.source = source.id();
        version.acceptedAt = Instant.now();
        return versions.persist(version)
                .call(saved -> timeline.submitted(saved.name, saved.version, source, saved.acceptedAt))
                .map(saved -> new SubmissionOutcome.Accepted(saved.name, saved.version, digest, changes));
    }

    private Uni<SubmissionOutcome> reject(ValidationResult result, Submission source) {
        SubmissionOutcome.Rejected rejected = new SubmissionOutcome.Rejected(result.name(), result.problems(),
                result.unreadable());
        return Panache.withTransaction(() -> rejections.bySource(source.id()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            SpecRejection rejection = new SpecRejection();
            rejection.name = result.name();
            rejection.sourceId = source.id();
            rejection.event = Json.writeString(new SpecRejected(nameOrEmpty(result.name()), 0, 0,
                    result.problems(), source, Instant.now()));
            rejection.rejectedAt = Instant.now();
            return rejections.persist(rejection).replaceWithVoid();
        })).call(this::publishUnpublishedRejections).replaceWith(rejected);
    }

    /** The outbox relay: announces every committed version not yet announced, oldest first. */
    public Uni<Void> publishUnpublishedVersions() {
        return Panache.withSession(() -> versions.unpublished())
                .onItem().transformToMulti(list -> io.smallrye.mutiny.Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(version -> publisher.publish(accepted(version))
                        .chain(() -> Panache.withTransaction(() -> versions.markPublished(version.id))))
                .collect().last().replaceWithVoid();
    }

    public Uni<Void> publishUnpublishedRejections() {
        return Panache.withSession(() -> rejections.unpublished())
                .onItem().transformToMulti(list -> io.smallrye.mutiny.Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(rejection -> publisher
                        .publish(Json.read(rejection.event, SpecRejected.class))
                        .chain(() -> Panache.withTransaction(() -> rejections.markPublished(rejection.id))))
                .collect().last().replaceWithVoid();
    }

    private static SpecAccepted accepted(SpecVersion version) {
        ServiceSpec document = Json.read(version.document, ServiceSpec.class);
        List<SpecChange> changes = List.of(Json.read(version.changes, SpecChange[].class));
        return new SpecAccepted(version.name, version.version, 1, version.digest, document, changes,
                version.acceptedAt);
    }

    private static String nameOrEmpty(String name) {
        return name == null ? "" : name;
    }
}
