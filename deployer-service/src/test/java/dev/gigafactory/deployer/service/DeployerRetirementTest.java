package dev.gigafactory.deployer.service;

import static dev.gigafactory.deployer.testing.Verdicts.incident;
import static dev.gigafactory.deployer.testing.Verdicts.passed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.contracts.events.SpecRetired;
import dev.gigafactory.deployer.service.DeployerTest.FakeTarget;
import dev.gigafactory.deployer.service.DeployerTest.FlakyStore;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A retired spec stays retired for every version it covers, whatever arrives late; a newer version deploys. */
class DeployerRetirementTest {

    private static final String ONE = "sha256:" + "1".repeat(64);
    private static final String TWO = "sha256:" + "2".repeat(64);
    private static final String THREE = "sha256:" + "3".repeat(64);

    private final FlakyStore store = new FlakyStore();
    private final ProductRegistry registry = new ProductRegistry(store);
    private final FakeTarget target = new FakeTarget(registry);
    private final Deployer deployer = new Deployer(target, registry);

    @Test
    void aLateVerdictForARetiredVersionStartsNothingAndANewerVersionDeploys() {
        deployer.onTestsCompleted(passed("todo", 1, 1, ONE));
        deployer.retire(retired("todo", 1));

        assertThat(deployer.onTestsCompleted(passed("todo", 1, 1, ONE))).isEmpty();
        assertThat(deployer.onTestsCompleted(passed("todo", 1, 2, TWO))).isEmpty();
        assertThat(target.starts).isEqualTo(1);

        DeploymentCompleted applied = deployer.onTestsCompleted(passed("todo", 2, 1, TWO)).orElseThrow();
        assertThat(applied.succeeded()).isTrue();
        assertThat(target.status("todo").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void aRetirementCoversWhatTheDeployerRanEvenWhenTheRetiringPartyKnewOnlyAnOlderVersion() {
        deployer.onTestsCompleted(passed("todo", 2, 1, TWO));
        deployer.retire(retired("todo", 0)); // deleted before the operator's status caught up

        assertThat(deployer.onTestsCompleted(passed("todo", 2, 1, TWO))).isEmpty();
        assertThat(target.starts).isEqualTo(1);
    }

    @Test
    void aRedeliveredOrOlderRetirementNeverNarrowsWhatIsRetired() {
        SpecRetired retirement = retired("todo", 3);
        deployer.retire(retirement);
        deployer.retire(retirement);
        deployer.retire(retired("todo", 1));

        assertThat(deployer.onTestsCompleted(passed("todo", 3, 1, THREE))).isEmpty();
        assertThat(deployer.onTestsCompleted(passed("todo", 4, 1, THREE))).isPresent();
    }

    @Test
    void aRestartForARetiredProductBringsNothingBackAndIsHandled() {
        deployer.onTestsCompleted(passed("todo", 1, 1, ONE));
        deployer.retire(retired("todo", 1));
        IncidentDetected crash = incident("todo", 1, Remediation.RESTART);

        assertThat(deployer.onIncident(crash)).isEmpty();
        assertThat(deployer.onIncident(incident("todo", 1, Remediation.ROLLBACK))).isEmpty();
        assertThat(target.starts).isEqualTo(1);
        assertThat(store.isHandled(crash.incidentId())).isTrue();
    }

    @Test
    void aVersionAppliedAgainAfterTheRetirementIsNotRolledBackToARetiredOne() {
        deployer.onTestsCompleted(passed("todo", 1, 1, ONE));
        deployer.retire(retired("todo", 1));
        deployer.onTestsCompleted(passed("todo", 2, 1, TWO));

        assertThat(deployer.onIncident(incident("todo", 2, Remediation.ROLLBACK))).isEmpty();
        assertThat(target.status("todo").orElseThrow().version()).isEqualTo(2);
        assertThat(target.starts).isEqualTo(2);
    }

    @Test
    void aDeployerBackFromARestartKnowsWhatWasRetiredAndWhatIsRetiredSince() {
        deployer.onTestsCompleted(passed("todo", 1, 1, ONE));
        deployer.retire(retired("todo", 1));
        ProductRegistry reborn = new ProductRegistry(store);
        reborn.load();
        FakeTarget rebornTarget = new FakeTarget(reborn);
        Deployer back = new Deployer(rebornTarget, reborn);

        assertThat(back.onTestsCompleted(passed("todo", 1, 2, TWO))).isEmpty();
        back.retire(retired("other", 3));
        assertThat(back.onTestsCompleted(passed("other", 3, 1, THREE))).isEmpty();
        assertThat(back.onTestsCompleted(passed("other", 4, 1, THREE))).isPresent();
        assertThat(rebornTarget.starts).isEqualTo(1);
    }

    @Test
    void anUnretiredSpecStillRollsBack() {
        deployer.onTestsCompleted(passed("todo", 1, 1, ONE));
        deployer.onTestsCompleted(passed("todo", 2, 1, TWO));

        DeploymentCompleted restored = deployer.onIncident(incident("todo", 2, Remediation.ROLLBACK)).orElseThrow();

        assertThat(restored.version()).isEqualTo(1);
    }

    private static SpecRetired retired(String spec, int version) {
        return new SpecRetired(spec, version, 0, UUID.randomUUID().toString(), "kubernetes:test/" + spec,
                Instant.now());
    }
}
