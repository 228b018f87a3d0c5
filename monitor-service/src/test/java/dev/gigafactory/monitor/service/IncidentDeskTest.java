package dev.gigafactory.monitor.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.IncidentDetected.Kind;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.monitor.domain.Incident.Status;
import dev.gigafactory.monitor.domain.LadderPolicy;
import dev.gigafactory.monitor.domain.Trouble;
import dev.gigafactory.testsupport.Deployments;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IncidentDeskTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final LadderPolicy POLICY = new LadderPolicy(2, Duration.ofMinutes(10), 4, Duration.ofSeconds(1),
            Duration.ofSeconds(5));

    private final InMemoryStore store = new InMemoryStore();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final IncidentDesk desk = desk();

    private IncidentDesk desk() {
        return new IncidentDesk(POLICY, Duration.ofSeconds(30), store, new IncidentMeters(meters));
    }

    @Test
    void oneOutageIsOneIncidentUntilItsRemediationIsOverdue() {
        IncidentDetected first = desk.trouble(crash(T0), true, T0.plusSeconds(1)).orElseThrow();
        assertThat(first.action()).isEqualTo(Remediation.RESTART);
        assertThat(desk.trouble(crash(T0), true, T0.plusSeconds(10))).isEmpty();

        IncidentDetected next = desk.trouble(crash(T0), true, T0.plusSeconds(40)).orElseThrow();

        assertThat(next.action()).isEqualTo(Remediation.RESTART);
        assertThat(store.incidents.get(first.incidentId()).status()).isEqualTo(Status.FAILED);
        assertThat(store.incidents.get(next.incidentId()).step()).isEqualTo(2);
    }

    @Test
    void theRestartAnsweringAnIncidentAndAHealthyProbeHealIt() {
        IncidentDetected incident = desk.trouble(crash(T0), true, T0.plusSeconds(2)).orElseThrow();
        desk.deployed(restarted(incident), T0.plusSeconds(3));
        assertThat(desk.unresolved("todo", Kind.CRASH).orElseThrow().status()).isEqualTo(Status.REMEDIATING);

        desk.healthy("todo", T0.plusSeconds(4));

        assertThat(desk.unresolved("todo", Kind.CRASH)).isEmpty();
        assertThat(store.incidents.get(incident.incidentId()).healedAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(meters.get("factory.time.to.detect").tag("kind", "CRASH").timer().totalTime(
                java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2.0);
        assertThat(meters.get("factory.time.to.heal").tag("kind", "CRASH").timer().totalTime(
                java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2.0);
    }

    @Test
    void aRestartedMonitorResumesTheOpenIncidentAndItsLadder() {
        IncidentDetected one = desk.trouble(crash(T0), true, T0).orElseThrow();
        desk.deployed(restarted(one), T0.plusSeconds(1));
        desk.trouble(crash(T0.plusSeconds(5)), true, T0.plusSeconds(6)).orElseThrow();

        IncidentDesk resumed = desk();
        resumed.resume(store.incidentsSince(T0.minusSeconds(60)));

        assertThat(resumed.unresolved("todo", Kind.CRASH)).map(i -> i.step()).contains(2);
        assertThat(resumed.trouble(crash(T0.plusSeconds(5)), true, T0.plusSeconds(10)))
                .as("still within its remediation time").isEmpty();
        assertThat(resumed.trouble(crash(T0.plusSeconds(5)), true, T0.plusSeconds(60)))
                .map(IncidentDetected::action).contains(Remediation.ROLLBACK);
    }

    @Test
    void aFailedRollbackLetsTheNextProbeReplan() {
        for (int restart = 0; restart < 2; restart++) {
            IncidentDetected incident = desk.trouble(crash(T0), true, T0.plusSeconds(10L * restart)).orElseThrow();
            desk.deployed(restarted(incident), T0.plusSeconds(10L * restart + 1));
        }
        IncidentDetected rollback = desk.trouble(crash(T0), true, T0.plusSeconds(30)).orElseThrow();
        assertThat(rollback.action()).isEqualTo(Remediation.ROLLBACK);

        desk.deployed(Deployments.of("todo", 1).failed("gone").artifact(null)
                .cause(DeploymentCompleted.rollbackFor(rollback.incidentId())).build(), T0.plusSeconds(31));

        assertThat(desk.trouble(crash(T0), true, T0.plusSeconds(40))).map(IncidentDetected::action)
                .contains(Remediation.REPLAN);
    }

    private static Trouble crash(Instant since) {
        return new Trouble("todo", 2, 1, Kind.CRASH, "GET http://127.0.0.1:1/health: connection refused x 2", since);
    }

    private static DeploymentCompleted restarted(IncidentDetected incident) {
        return Deployments.of("todo", 2).url("http://127.0.0.1:2").artifact(null).detail("restarted")
                .cause(DeploymentCompleted.restartFor(incident.incidentId())).build();
    }
}
