package dev.gigafactory.planner.messaging;

import dev.gigafactory.planner.service.PlanningService;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Sends what was committed but never sent: at start (the planner stopped between commit and send) and then now and
 * then (the broker was away when a decision was made). Only rows older than a grace period are taken, so a decision
 * being sent right now by its own handler is not sent twice.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final long PERIOD_MS = 30_000;

    private final PlanningService planning;
    private final Vertx vertx;
    private long timer = -1;

    public OutboxRelay(PlanningService planning, Vertx vertx) {
        this.planning = planning;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        relay(Instant.now());
        timer = vertx.setPeriodic(PERIOD_MS, id -> relay(Instant.now().minus(GRACE)));
    }

    void onStop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    private void relay(Instant before) {
        // Hibernate Reactive needs a safe duplicated Vert.x context; observers and timers do not run on one.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> planning.relayUnsent(before).subscribe().with(
                done -> LOG.debug("outbox relayed"),
                failure -> LOG.warn("outbox relay failed; it runs again later", failure)));
    }
}
