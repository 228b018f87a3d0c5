package dev.gigafactory.monitor.service;

import dev.gigafactory.contracts.events.ProductExited;
import dev.gigafactory.contracts.spec.Slo;
import dev.gigafactory.monitor.domain.LiveDeployment;
import dev.gigafactory.monitor.domain.WatchedDeployment;
import java.time.Instant;

/** What the {@link Fleet} knows of one watched deployment; guarded by the fleet's lock. */
final class Watch {
    final LiveDeployment deployment;
    final Slo slo;
    final SloWindow window;
    final Integer previousGood;
    final Instant since;
    boolean good;
    int failures;
    int healthyStreak;
    Instant firstFailureAt;
    ProductExited exit;

    Watch(LiveDeployment deployment, Slo slo, Integer previousGood, SloWindow window, Instant since) {
        this.deployment = deployment;
        this.since = since;
        this.slo = slo;
        this.previousGood = previousGood;
        this.window = window;
    }

    WatchedDeployment saved() {
        return new WatchedDeployment(deployment, slo, previousGood);
    }
}
