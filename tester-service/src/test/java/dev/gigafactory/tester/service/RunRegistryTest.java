package dev.gigafactory.tester.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.TestsCompleted;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunRegistryTest {

    private static final CodeGenerated CODE = new CodeGenerated("todo", 2, 1, "jdk-http", "t", "sha256:abc", 3, null);

    private final RunRegistry registry = new RunRegistry(10);
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void answersARedeliveryWithTheSameVerdictWithoutRunningAgain() {
        Optional<TestsCompleted> first = registry.runOnce(CODE, this::verdict);
        Optional<TestsCompleted> again = registry.runOnce(CODE, this::verdict);

        assertThat(again).containsSame(first.orElseThrow());
        assertThat(runs).hasValue(1);
    }

    @Test
    void dropsADuplicateThatArrivesWhileTheFirstIsRunning() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = new Thread(() -> registry.runOnce(CODE, () -> {
            started.countDown();
            await(release);
            return verdict();
        }));
        first.start();
        started.await();

        Optional<TestsCompleted> duplicate = registry.runOnce(CODE, this::verdict);
        release.countDown();
        first.join();

        assertThat(duplicate).isEmpty();
        assertThat(runs).hasValue(1);
    }

    @Test
    void runsAgainAfterARunThatThrew() {
        assertThatThrownBy(() -> registry.runOnce(CODE, () -> {
            throw new IllegalStateException("disk full");
        })).hasMessage("disk full");

        assertThat(registry.runOnce(CODE, this::verdict)).isPresent();
    }

    @Test
    void treatsOtherSourcesOrAttemptsAsOtherRuns() {
        registry.runOnce(CODE, this::verdict);
        registry.runOnce(new CodeGenerated("todo", 2, 2, "jdk-http", "t", "sha256:abc", 3, null), this::verdict);
        registry.runOnce(new CodeGenerated("todo", 2, 1, "jdk-http", "t", "sha256:def", 3, null), this::verdict);

        assertThat(runs).hasValue(3);
    }

    private TestsCompleted verdict() {
        runs.incrementAndGet();
        return new TestsCompleted("todo", 2, 1, true, "sha256:abc", null, List.of(), null, null, 1, null);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
