package dev.gigafactory.intake.messaging;

import dev.gigafactory.intake.service.RetryService;
import dev.gigafactory.intake.service.SubmissionService;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * At start-up, announces what was committed but never announced (intake stopped between commit and send). Nothing
 * already announced is sent again.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final SubmissionService submissions;
    private final RetryService retries;
    private final Vertx vertx;

    public OutboxRelay(SubmissionService submissions, RetryService retries, Vertx vertx) {
        this.submissions = submissions;
        this.retries = retries;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        // Hibernate Reactive needs a Vert.x context; start-up observers run on the main thread.
        vertx.getOrCreateContext().runOnContext(ignored -> submissions.publishUnpublishedVersions()
                .chain(submissions::publishUnpublishedRejections)
                .chain(retries::publishUnpublishedRetries)
                .subscribe().with(done -> LOG.debug("outbox relayed"),
                        failure -> LOG.error("outbox relay failed; it runs again at the next start", failure)));
    }
}
