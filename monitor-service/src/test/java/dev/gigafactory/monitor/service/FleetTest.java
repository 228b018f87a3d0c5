package dev.gigafactory.monitor.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected.Kind;
import dev.gigafactory.contracts.events.ProductExited;
import dev.gigafactory.monitor.domain.LiveDeployment;
import dev.gigafactory.monitor.domain.ProbeResult;
import dev.gigafactory.monitor.domain.Trouble;
import dev.gigafactory.testsupport.Deployments;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FleetTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final Fleet fleet = new Fleet(2, Duration.ofSeconds(60), 5);

    @Test
    void oneRefusedProbeIsNotYetAnOutageButTwoInARowAreACrash() {
        LiveDeployment todo = watch("todo", 1, "http://127.0.0.1:9001");

        assertThat(fleet.record(todo, ProbeResult.connectionRefused(), Optional.empty(), NOW))
                .isInstanceOf(Fleet.Failing.class);
        Trouble trouble = trouble(fleet.record(todo, ProbeResult.connectionRefused(), Optional.empty(),
                NOW.plusSeconds(1)));

        assertThat(trouble.kind()).isEqualTo(Kind.CRASH);
        assertThat(trouble.version()).isEqualTo(1);
        assertThat(trouble.evidence()).isEqualTo("GET http://127.0.0.1:9001/health: connection refused x 2");
        assertThat(trouble.since()).as("detection is timed from the first failed probe").isEqualTo(NOW);
    }

    @Test
    void somethingThatListensButAnswersBadlyIsUnhealthy() {
        LiveDeployment todo = watch("todo", 1, "http://127.0.0.1:9001");
        fleet.record(todo, ProbeResult.unhealthy("HTTP 503"), Optional.empty(), NOW);

        Trouble trouble = trouble(fleet.record(todo, ProbeResult.unhealthy("HTTP 503"), Optional.empty(), NOW));

        assertThat(trouble.kind()).isEqualTo(Kind.UNHEALTHY);
        assertThat(trouble.evidence()).endsWith(": HTTP 503 x 2");
    }

    @Test
    void aHealthyAnswerInBetweenStartsTheCountAgain() {
        LiveDeployment todo = watch("todo", 1, "http://127.0.0.1:9001");

        fleet.record(todo, ProbeResult.connectionRefused(), Optional.empty(), NOW);
        assertThat(fleet.record(todo, ProbeResult.up(), Optional.empty(), NOW)).isInstanceOf(Fleet.Healthy.class);

        assertThat(fleet.record(todo, ProbeResult.connectionRefused(), Optional.empty(), NOW))
                .isInstanceOf(Fleet.Failing.class);
    }

    @Test
    void aRestartAnnouncedForTheSameVersionIsWatchedAtItsNewUrlWithACleanSlate() {
        LiveDeployment before = watch("todo", 1, "http://127.0.0.1:9001");
        fleet.record(before, ProbeResult.connectionRefused(), Optional.empty(), NOW);

        LiveDeployment after = watch("todo", 1, "http://127.0.0.1:9002");

        assertThat(fleet.live()).containsExactly(after);
        assertThat(fleet.record(before, ProbeResult.connectionRefused(), Optional.empty(), NOW))
                .as("a probe still in flight").isInstanceOf(Fleet.Stale.class);
        assertThat(fleet.consecutiveFailures("todo")).isZero();
    }

    @Test
    void theNewestVersionWinsAndAFailedDeploymentIsNotWatched() {
        watch("todo", 2, "http://127.0.0.1:9002");

        assertThat(fleet.track(deployed("todo", 1, "http://127.0.0.1:9001", true, DeploymentCompleted.DEPLOY), NOW))
                .isEmpty();
        assertThat(fleet.track(deployed("todo", 3, null, false, DeploymentCompleted.DEPLOY), NOW)).isEmpty();
        assertThat(fleet.live()).extracting(LiveDeployment::version).containsExactly(2);
    }

    @Test
    void aRollbackBringsAnOlderVersionBack() {
        watch("todo", 2, "http://127.0.0.1:9002");

        assertThat(fleet.track(deployed("todo", 1, "http://127.0.0.1:9001", true,
                DeploymentCompleted.rollbackFor("i-1")), NOW)).isPresent();
        assertThat(fleet.live()).extracting(LiveDeployment::version).containsExactly(1);
    }

    @Test
    void rollingBackNeedsAnOlderVersionThatWasSeenHealthy() {
        LiveDeployment v1 = watch("todo", 1, "http://127.0.0.1:9001");
        assertThat(fleet.rollbackPossible("todo", 1)).isFalse();
        watch("todo", 2, "http://127.0.0.1:9002");
        assertThat(fleet.rollbackPossible("todo", 2)).as("v1 was never seen healthy").isFalse();

        fleet.track(deployed("todo", 1, "http://127.0.0.1:9001", true, DeploymentCompleted.rollbackFor("i-1")), NOW);
        fleet.record(v1, ProbeResult.up(), Optional.empty(), NOW);
        watch("todo", 2, "http://127.0.0.1:9003");
        watch("todo", 2, "http://127.0.0.1:9004"); // a restart keeps what is known

        assertThat(fleet.rollbackPossible("todo", 2)).isTrue();
        assertThat(fleet.saved("todo").orElseThrow().lastGoodVersion()).isEqualTo(1);
    }

    @Test
    void aHealthyButSlowProductBreachesItsLatencySloOnceThereIsEnoughTraffic() {
        LiveDeployment todo = watch("todo", 1, "http://127.0.0.1:9001");

        Fleet.Verdict verdict = fleet.record(todo, ProbeResult.up(), Optional.of(SloWindowTest.slow(10, 10)),
                NOW.plusSeconds(5));

        Trouble trouble = trouble(verdict);
        assertThat(trouble.kind()).isEqualTo(Kind.SLO_BREACH);
        assertThat(trouble.evidence()).startsWith("GET http://127.0.0.1:9001/metrics over 60s: availability 100.00%")
                .contains("p99 ").contains("(target 250 ms)");
    }

    @Test
    void anExitTheDeployerReportedMakesTheFirstRefusedProbeACrashTimedFromTheExit() {
        LiveDeployment todo = watch("todo", 1, "http://127.0.0.1:9001");
        Instant exitedAt = NOW.plusSeconds(10);

        assertThat(fleet.exited(exit("todo", 1, exitedAt))).contains(todo);
        Trouble trouble = trouble(fleet.record(todo, ProbeResult.connectionRefused(), Optional.empty(),
                exitedAt.plusMillis(30)));

        assertThat(trouble.kind()).isEqualTo(Kind.CRASH);
        assertThat(trouble.evidence()).isEqualTo("GET http://127.0.0.1:9001/health: connection refused x 1;"
                + " the deployer reported: pid 4242 exited unexpectedly");
        assertThat(trouble.since()).as("detection is timed from the exit").isEqualTo(exitedAt);
    }

    @Test
    void anExitDoesNotMakeATimeoutACrash() {
        LiveDeployment todo = watch("todo", 1, "http://127.0.0.1:9001");
        fleet.exited(exit("todo", 1, NOW.plusSeconds(1)));

        assertThat(fleet.record(todo, ProbeResult.unhealthy("no answer within 1000 ms"), Optional.empty(), NOW))
                .isInstanceOf(Fleet.Failing.class);
    }

    @Test
    void anExitOfAnotherVersionOrFromBeforeTheDeploymentWasWatchedIsNotItsOwn() {
        LiveDeployment todo = watch("todo", 2, "http://127.0.0.1:9001");

        assertThat(fleet.exited(exit("todo", 1, NOW.plusSeconds(1)))).as("an older version").isEmpty();
        assertThat(fleet.exited(exit("todo", 2, NOW.minusMillis(1))))
                .as("the process a restart replaced, reported again").isEmpty();
        assertThat(fleet.exited(exit("other", 2, NOW.plusSeconds(1)))).as("a spec not watched").isEmpty();
        assertThat(fleet.record(todo, ProbeResult.connectionRefused(), Optional.empty(), NOW))
                .isInstanceOf(Fleet.Failing.class);
    }

    @Test
    void healthyProbesInARowAreCountedUntilAFailureOrAnExit() {
        LiveDeployment todo = watch("todo", 1, "http://127.0.0.1:9001");
        for (int i = 0; i < 3; i++) {
            fleet.record(todo, ProbeResult.up(), Optional.empty(), NOW);
        }
        assertThat(fleet.healthyStreak("todo")).isEqualTo(3);

        fleet.record(todo, ProbeResult.unhealthy("HTTP 503"), Optional.empty(), NOW);
        assertThat(fleet.healthyStreak("todo")).isZero();
        fleet.record(todo, ProbeResult.up(), Optional.empty(), NOW);
        assertThat(fleet.healthyStreak("todo")).isEqualTo(1);

        fleet.exited(exit("todo", 1, NOW.plusSeconds(1)));
        fleet.record(todo, ProbeResult.up(), Optional.empty(), NOW.plusSeconds(1));
        assertThat(fleet.healthyStreak("todo")).as("probed every round until it is replaced").isZero();
    }

    private static ProductExited exit(String spec, int version, Instant at) {
        return new ProductExited(spec, version, 1, 4242, at, "pid 4242 exited unexpectedly");
    }

    private static Trouble trouble(Fleet.Verdict verdict) {
        assertThat(verdict).isInstanceOf(Fleet.Troubled.class);
        return ((Fleet.Troubled) verdict).trouble();
    }

    private LiveDeployment watch(String spec, int version, String url) {
        assertThat(fleet.track(deployed(spec, version, url, true, DeploymentCompleted.DEPLOY), NOW)).isPresent();
        return new LiveDeployment(spec, version, 1, url);
    }

    private static DeploymentCompleted deployed(String spec, int version, String url, boolean succeeded,
            String cause) {
        Deployments deployment = Deployments.of(spec, version).artifact("sha256:" + "a".repeat(64)).cause(cause);
        return (succeeded ? deployment.url(url) : deployment.failed("started").url(url)).build();
    }
}
