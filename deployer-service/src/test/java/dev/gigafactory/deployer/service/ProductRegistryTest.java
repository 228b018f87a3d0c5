package dev.gigafactory.deployer.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.spec.Slo;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.DeploymentRecord;
import dev.gigafactory.deployer.domain.DeploymentState;
import dev.gigafactory.deployer.domain.Release;
import dev.gigafactory.deployer.repository.InMemoryDeploymentStore;
import org.junit.jupiter.api.Test;

class ProductRegistryTest {

    private final InMemoryDeploymentStore store = new InMemoryDeploymentStore();

    @Test
    void aRestartedDeployerReadsBackWhatRanWhereAndTheStablePort() {
        ProductRegistry before = new ProductRegistry(store);
        before.rememberStablePort("todo", 7000);
        before.promote(deployment("todo", 1, 101), "deploy");
        before.promote(deployment("todo", 2, 102), "deploy");

        ProductRegistry after = new ProductRegistry(store);
        after.load();

        assertThat(after.current("todo")).contains(deployment("todo", 2, 102));
        assertThat(after.previous("todo")).contains(deployment("todo", 1, 101).stopped());
        assertThat(after.stablePort("todo")).contains(7000);
        assertThat(store.history("todo")).extracting(DeploymentRecord::state)
                .containsExactly(DeploymentState.REPLACED, DeploymentState.SERVING);
    }

    @Test
    void aNewSpecsStablePortIsWrittenWithItsFirstRecordNotBeforeItsProductStarts() {
        ProductRegistry deploying = new ProductRegistry(store);
        deploying.rememberStablePort("todo", 7000);

        assertThat(deploying.stablePort("todo")).contains(7000);
        assertThat(store.load()).as("no transaction before the product's start").doesNotContainKey("todo");

        deploying.promote(deployment("todo", 1, 101), "deploy");
        assertThat(store.load().get("todo").stablePort()).isEqualTo(7000);
    }

    @Test
    void aRollbackTargetIsTheLastGoodVersionAndIsUsedOnlyOnce() {
        ProductRegistry registry = new ProductRegistry(store);
        registry.promote(deployment("todo", 1, 101), "deploy");
        registry.promote(deployment("todo", 2, 102), "deploy");

        registry.rolledBack(deployment("todo", 1, 103), "rollback/i-1");

        assertThat(registry.current("todo")).contains(deployment("todo", 1, 103));
        assertThat(registry.previous("todo")).isEmpty();
        assertThat(store.history("todo").get(1).state()).isEqualTo(DeploymentState.ROLLED_BACK);
    }

    @Test
    void aCrashIsRecordedOnlyForThePidThatServesWithItsEvidence() {
        ProductRegistry registry = new ProductRegistry(store);
        registry.promote(deployment("todo", 1, 101), "deploy");

        assertThat(registry.ended("todo", 999, DeploymentState.CRASHED, "someone else")).isFalse();
        assertThat(registry.ended("todo", 101, DeploymentState.CRASHED, "exited: boom")).isTrue();

        assertThat(registry.current("todo").orElseThrow().running()).isFalse();
        assertThat(registry.state("todo")).contains(DeploymentState.CRASHED);
        assertThat(registry.snapshot().get("todo").detail()).isEqualTo("exited: boom");
    }

    @Test
    void aVersionThatNeverGotReadyIsHistoryOnly() {
        ProductRegistry registry = new ProductRegistry(store);
        registry.promote(deployment("todo", 1, 101), "deploy");

        registry.failed(new Release("todo", 2, 1, "sha256:" + "2".repeat(64), Slo.DEFAULT), "deploy", "no port");

        assertThat(registry.current("todo").orElseThrow().version()).isEqualTo(1);
        assertThat(store.history("todo")).extracting(DeploymentRecord::state)
                .containsExactly(DeploymentState.SERVING, DeploymentState.FAILED);
    }

    @Test
    void handledIncidentsAreRememberedAcrossRestarts() {
        new ProductRegistry(store).markHandled("incident-1");

        ProductRegistry after = new ProductRegistry(store);

        assertThat(after.isHandled("incident-1")).isTrue();
        assertThat(after.isHandled("incident-2")).isFalse();
    }

    private static Deployment deployment(String spec, int version, long pid) {
        return new Deployment(spec, version, 1, "sha256:" + Long.toString(pid).repeat(64).substring(0, 64),
                Slo.DEFAULT, pid, (int) pid, "http://127.0.0.1:7000");
    }
}
