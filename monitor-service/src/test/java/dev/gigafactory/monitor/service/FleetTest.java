package dev.gigafactory.monitor.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.IncidentDetected.Kind;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.contracts.spec.Slo;
import dev.gigafactory.monitor.domain.LiveDeployment;
import dev.gigafactory.monitor.domain.ProbeResult;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FleetTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final Fleet fleet = new Fleet(2);

    @Test
    void oneRefusedProbeIsNotYetAnOutageButTwoInARowAreACrash() {
        LiveDeployment todo = watch("todo", 1, "http://127.0.0.1:9001");

        assertThat(fleet.record(todo, ProbeResult.connectionRefused(), NOW)).isEmpty();
        IncidentDetected incident = fleet.record(todo, ProbeResult.connectionRefused(), NOW).orElseThrow();

        assertThat(incident.kind()).isEqualTo(Kind.CRASH);
        assertThat(incident.action()).isEqualTo(Remediation.RESTART);
        assertThat(incident.version()).isEqualTo(1);
        assertThat(incident.evidence()).isEqualTo("GET http://127.0.0.1:9001/health: connection refused x 2");
        assertThat(incident.detectedAt()).isEqualTo(NOW);
    }

    @Test
    void somethingThatListensButAnswersBadlyIsUnhealthy() {
        LiveDeployment todo = watch("todo", 1, "http://127.0.0.1:9001");
        fleet.record(todo, ProbeResult.unhealthy("HTTP 503"), NOW);

        Optional<IncidentDetected> incident = fleet.record(todo, ProbeResult.unhealthy("HTTP 503"), NOW);

        assertThat(incident).map(IncidentDetected::kind).contains(Kind.UNHEALTHY);
        assertThat(incident.orElseThrow().evidence()).endsWith(": HTTP 503 x 2");
    }

    @Test
    void aHealthyAnswerInBetweenStartsTheCountAgain() {
        LiveDeployment todo = watch("todo", 1, "http://127.0.0.1:9001");

        fleet.record(todo, ProbeResult.connectionRefused(), NOW);
        fleet.record(todo, ProbeResult.up(), NOW);

        assertThat(fleet.record(todo, ProbeResult.connectionRefused(), NOW)).isEmpty();
    }

    @Test
    void oneOutageRaisesOneIncidentAndTheNextOutageAnother() {
        LiveDeployment todo = watch("todo", 1, "http://127.0.0.1:9001");
        fleet.record(todo, ProbeResult.connectionRefused(), NOW);
        fleet.record(todo, ProbeResult.connectionRefused(), NOW).orElseThrow();

        for (int probe = 0; probe < 5; probe++) {
            assertThat(fleet.record(todo, ProbeResult.connectionRefused(), NOW)).isEmpty();
        }
        fleet.record(todo, ProbeResult.up(), NOW);
        fleet.record(todo, ProbeResult.connectionRefused(), NOW);

        assertThat(fleet.record(todo, ProbeResult.connectionRefused(), NOW)).isPresent();
    }

    @Test
    void aRestartAnnouncedForTheSameVersionEndsTheOutageAndIsWatchedAtItsNewUrl() {
        LiveDeployment before = watch("todo", 1, "http://127.0.0.1:9001");
        fleet.record(before, ProbeResult.connectionRefused(), NOW);
        fleet.record(before, ProbeResult.connectionRefused(), NOW).orElseThrow();

        LiveDeployment after = watch("todo", 1, "http://127.0.0.1:9002");

        assertThat(fleet.live()).containsExactly(after);
        assertThat(fleet.openIncident("todo")).isEmpty();
        assertThat(fleet.record(before, ProbeResult.connectionRefused(), NOW)).isEmpty(); // a probe still in flight
        assertThat(fleet.consecutiveFailures("todo")).isZero();
    }

    @Test
    void theNewestVersionWinsAndAFailedDeploymentIsNotWatched() {
        watch("todo", 2, "http://127.0.0.1:9002");

        assertThat(fleet.track(deployed("todo", 1, "http://127.0.0.1:9001", true))).isFalse();
        assertThat(fleet.track(deployed("todo", 3, null, false))).isFalse();
        assertThat(fleet.live()).extracting(LiveDeployment::version).containsExactly(2);
    }

    @Test
    void anIncidentThatCouldNotBePublishedIsRaisedAgainOnTheNextFailure() {
        LiveDeployment todo = watch("todo", 1, "http://127.0.0.1:9001");
        fleet.record(todo, ProbeResult.connectionRefused(), NOW);
        IncidentDetected lost = fleet.record(todo, ProbeResult.connectionRefused(), NOW).orElseThrow();

        fleet.undeliverable(lost);

        assertThat(fleet.record(todo, ProbeResult.connectionRefused(), NOW)).isPresent();
    }

    private LiveDeployment watch(String spec, int version, String url) {
        assertThat(fleet.track(deployed(spec, version, url, true))).isTrue();
        return new LiveDeployment(spec, version, 1, url);
    }

    private static DeploymentCompleted deployed(String spec, int version, String url, boolean succeeded) {
        return new DeploymentCompleted(spec, version, 1, succeeded, url, "sha256:" + "a".repeat(64), "local",
                Slo.DEFAULT, "started", DeploymentCompleted.DEPLOY);
    }
}
