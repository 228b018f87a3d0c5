package dev.gigafactory.deployer.service;

import static dev.gigafactory.deployer.testing.Verdicts.failed;
import static dev.gigafactory.deployer.testing.Verdicts.incident;
import static dev.gigafactory.deployer.testing.Verdicts.passed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.contracts.spec.Slo;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.DeploymentFailedException;
import dev.gigafactory.deployer.domain.DeploymentRecord;
import dev.gigafactory.deployer.domain.Release;
import dev.gigafactory.deployer.domain.SpecState;
import dev.gigafactory.deployer.repository.DeploymentStore;
import dev.gigafactory.deployer.repository.InMemoryDeploymentStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeployerTest {

    private static final String ONE = "sha256:" + "1".repeat(64);
    private static final String TWO = "sha256:" + "2".repeat(64);

    private final FlakyStore store = new FlakyStore();
    private final ProductRegistry registry = new ProductRegistry(store);
    private final FakeTarget target = new FakeTarget(registry);
    private Deployer deployer;

    @BeforeEach
    void setUp() {
        deployer = new Deployer(target, registry);
    }

    @Test
    void aFailedVerdictIsLeftToThePlanner() {
        assertThat(deployer.onTestsCompleted(failed("todo", 1, 1, ONE))).isEmpty();
        assertThat(target.status("todo")).isEmpty();
    }

    @Test
    void aPassedVerdictIsServedWithTheDocumentsSloOrTheDefault() {
        DeploymentCompleted done = deployer.onTestsCompleted(passed("todo", 1, 1, ONE)).orElseThrow();

        assertThat(done.succeeded()).isTrue();
        assertThat(done.url()).isEqualTo("http://127.0.0.1:9001");
        assertThat(done.artifactDigest()).isEqualTo(ONE);
        assertThat(done.target()).isEqualTo("fake");
        assertThat(done.slo()).isEqualTo(Slo.DEFAULT);
    }

    @Test
    void aRedeliveredVerdictRepublishesTheIdenticalEventWithoutStartingAgain() {
        DeploymentCompleted first = deployer.onTestsCompleted(passed("todo", 1, 1, ONE)).orElseThrow();

        DeploymentCompleted again = deployer.onTestsCompleted(passed("todo", 1, 1, ONE)).orElseThrow();

        assertThat(again).isEqualTo(first);
        assertThat(target.starts).isEqualTo(1);
    }

    @Test
    void aLateVerdictForAnOlderVersionChangesNothing() {
        deployer.onTestsCompleted(passed("todo", 2, 1, TWO));

        assertThat(deployer.onTestsCompleted(passed("todo", 1, 1, ONE))).isEmpty();
        assertThat(target.status("todo").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void aVersionThatDoesNotStartIsReportedWithItsReasonAndLogTail() {
        target.failNext = new DeploymentFailedException("the product exited with code 3", "boom at startup");

        DeploymentCompleted done = deployer.onTestsCompleted(passed("todo", 1, 1, ONE)).orElseThrow();

        assertThat(done.succeeded()).isFalse();
        assertThat(done.url()).isNull();
        assertThat(done.detail()).isEqualTo("the product exited with code 3\nboom at startup");
    }

    @Test
    void aRestartIncidentPublishesWhereTheVersionServesNowAndAReplaySaysItAgainWithoutRestarting() {
        deployer.onTestsCompleted(passed("todo", 1, 1, ONE));
        IncidentDetected crash = incident("todo", 1, Remediation.RESTART);

        DeploymentCompleted restarted = deployer.onIncident(crash).orElseThrow();

        assertThat(restarted.url()).isEqualTo("http://127.0.0.1:9002");
        assertThat(restarted.detail()).contains(crash.incidentId());
        assertThat(deployer.onIncident(crash)).contains(restarted);
        assertThat(target.starts).isEqualTo(2);
    }

    @Test
    void aRestartMadeButNeverMarkedHandledIsAnnouncedOnTheRetryNotMadeTwice() {
        deployer.onTestsCompleted(passed("todo", 1, 1, ONE));
        IncidentDetected crash = incident("todo", 1, Remediation.RESTART);
        store.failNextMarkHandled = true;

        assertThatThrownBy(() -> deployer.onIncident(crash)).hasMessageContaining("database down");
        DeploymentCompleted retried = deployer.onIncident(crash).orElseThrow();

        assertThat(target.starts).isEqualTo(2);
        assertThat(retried.url()).isEqualTo("http://127.0.0.1:9002");
        assertThat(retried.cause()).isEqualTo(DeploymentCompleted.restartFor(crash.incidentId()));
        assertThat(store.isHandled(crash.incidentId())).isTrue();
    }

    @Test
    void aReplayedIncidentWhoseRestartWasReplacedSinceChangesNothing() {
        deployer.onTestsCompleted(passed("todo", 1, 1, ONE));
        IncidentDetected crash = incident("todo", 1, Remediation.RESTART);
        deployer.onIncident(crash);
        deployer.onTestsCompleted(passed("todo", 2, 1, TWO));

        assertThat(deployer.onIncident(crash)).isEmpty();
        assertThat(target.starts).isEqualTo(3);
    }

    @Test
    void anIncidentAboutAVersionNoLongerServedIsIgnored() {
        deployer.onTestsCompleted(passed("todo", 2, 1, TWO));

        assertThat(deployer.onIncident(incident("todo", 1, Remediation.RESTART))).isEmpty();
        assertThat(target.starts).isEqualTo(1);
    }

    @Test
    void replanningAndEscalationAreNotTheDeployers() {
        deployer.onTestsCompleted(passed("todo", 1, 1, ONE));

        assertThat(deployer.onIncident(incident("todo", 1, Remediation.REPLAN))).isEmpty();
        assertThat(deployer.onIncident(incident("todo", 1, Remediation.ESCALATE))).isEmpty();
        assertThat(target.starts).isEqualTo(1);
    }

    /** Pretends to start processes: each start gets the next port. */
    static final class FakeTarget implements DeploymentTarget {

        final Map<String, Deployment> current = new HashMap<>();
        final ProductRegistry registry;
        int starts;
        DeploymentFailedException failNext;

        FakeTarget(ProductRegistry registry) {
            this.registry = registry;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public Deployment deploy(Release release) throws DeploymentFailedException {
            Deployment started = start(release);
            current.put(release.spec(), started);
            registry.promote(started, DeploymentCompleted.DEPLOY);
            return started;
        }

        @Override
        public Deployment restart(String spec, String cause) throws DeploymentFailedException {
            Deployment started = start(current.get(spec).release());
            current.put(spec, started);
            registry.restarted(started, cause);
            return started;
        }

        @Override
        public Optional<Deployment> rollback(String spec, String cause) throws DeploymentFailedException {
            Optional<Deployment> previous = registry.previous(spec);
            if (previous.isEmpty()) {
                return Optional.empty();
            }
            Deployment restored = start(previous.get().release());
            current.put(spec, restored);
            registry.rolledBack(restored, cause);
            return Optional.of(restored);
        }

        @Override
        public void stop(String spec) {
            current.computeIfPresent(spec, (name, deployment) -> deployment.stopped());
        }

        @Override
        public Optional<Deployment> status(String spec) {
            return Optional.ofNullable(current.get(spec));
        }

        private Deployment start(Release release) throws DeploymentFailedException {
            if (failNext != null) {
                DeploymentFailedException failure = failNext;
                failNext = null;
                throw failure;
            }
            starts++;
            int port = 9000 + starts;
            return new Deployment(release.spec(), release.version(), release.attempt(), release.artifactDigest(),
                    release.slo(), 1000L + starts, port, "http://127.0.0.1:" + port);
        }
    }

    /** The deployer's store, whose database can go away for one call. */
    static final class FlakyStore implements DeploymentStore {

        private final InMemoryDeploymentStore store = new InMemoryDeploymentStore();
        boolean failNextMarkHandled;

        @Override
        public Map<String, SpecState> load() {
            return store.load();
        }

        @Override
        public void save(SpecState spec, List<DeploymentRecord> written) {
            store.save(spec, written);
        }

        @Override
        public List<DeploymentRecord> history(String spec) {
            return store.history(spec);
        }

        @Override
        public boolean isHandled(String incidentId) {
            return store.isHandled(incidentId);
        }

        @Override
        public void markHandled(String incidentId) {
            if (failNextMarkHandled) {
                failNextMarkHandled = false;
                throw new IllegalStateException("database down");
            }
            store.markHandled(incidentId);
        }

        @Override
        public void retire(String spec, int version, String requestId, Instant retiredAt) {
            store.retire(spec, version, requestId, retiredAt);
        }

        @Override
        public OptionalInt retiredThrough(String spec) {
            return store.retiredThrough(spec);
        }

        @Override
        public Map<String, Integer> retirements() {
            return store.retirements();
        }
    }
}
