package dev.gigafactory.deployer.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.spec.Slo;
import dev.gigafactory.deployer.domain.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductRegistryTest {

    @TempDir
    Path work;

    private final Set<Long> alive = new HashSet<>();
    private final Set<String> healthy = new HashSet<>();
    private final ProcessProbe probe = new ProcessProbe() {
        @Override
        public boolean alive(long pid) {
            return alive.contains(pid);
        }

        @Override
        public boolean healthy(String url) {
            return healthy.contains(url);
        }
    };

    @Test
    void aRestartedDeployerReadoptsTheProductsThatStillServe() {
        ProductRegistry before = registry();
        before.promote(deployment("todo", 1, 101));
        before.promote(deployment("todo", 2, 102));
        before.promote(deployment("library", 1, 201));
        alive.add(102L);
        healthy.add(url(102));

        ProductRegistry after = registry();

        assertThat(after.load()).extracting(Deployment::pid).containsExactly(102L);
        assertThat(after.current("todo")).contains(deployment("todo", 2, 102));
        assertThat(after.previous("todo")).contains(deployment("todo", 1, 101).stopped());
        assertThat(after.current("library")).contains(deployment("library", 1, 201).stopped());
    }

    @Test
    void aLivePidThatNoLongerAnswersIsNotTakenForOurs() {
        registry().promote(deployment("todo", 1, 101));
        alive.add(101L); // the number was recycled by some other process

        ProductRegistry after = registry();

        assertThat(after.load()).isEmpty();
        assertThat(after.current("todo").orElseThrow().running()).isFalse();
    }

    @Test
    void aRollbackTargetIsTheLastGoodVersionAndIsUsedOnlyOnce() {
        ProductRegistry registry = registry();
        registry.promote(deployment("todo", 1, 101));
        registry.promote(deployment("todo", 2, 102));

        registry.rolledBack(deployment("todo", 1, 103));

        assertThat(registry.current("todo")).contains(deployment("todo", 1, 103));
        assertThat(registry.previous("todo")).isEmpty();
    }

    @Test
    void handledIncidentsAreRememberedAcrossRestarts() {
        registry().markHandled("incident-1");

        ProductRegistry after = registry();
        after.load();

        assertThat(after.isHandled("incident-1")).isTrue();
        assertThat(after.isHandled("incident-2")).isFalse();
    }

    @Test
    void anUnreadableStateFileStartsEmptyInsteadOfKeepingTheDeployerDown() throws IOException {
        Files.writeString(work.resolve("deployments.json"), "{ not json");

        ProductRegistry registry = registry();

        assertThat(registry.load()).isEmpty();
        assertThat(registry.snapshot()).isEmpty();
    }

    private ProductRegistry registry() {
        return new ProductRegistry(new StateFile(work.resolve("deployments.json")), probe);
    }

    private static Deployment deployment(String spec, int version, long pid) {
        return new Deployment(spec, version, 1, "sha256:" + Long.toString(pid).repeat(64).substring(0, 64),
                Slo.DEFAULT, pid, (int) pid, url(pid));
    }

    private static String url(long pid) {
        return "http://127.0.0.1:" + pid;
    }
}
