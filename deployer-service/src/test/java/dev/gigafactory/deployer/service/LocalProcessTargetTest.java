package dev.gigafactory.deployer.service;

import static dev.gigafactory.deployer.testing.Verdicts.passed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.ProductExited;
import dev.gigafactory.contracts.events.SpecRetired;
import dev.gigafactory.contracts.spec.Slo;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.DeploymentRecord;
import dev.gigafactory.deployer.domain.DeploymentState;
import dev.gigafactory.deployer.domain.Release;
import dev.gigafactory.deployer.proxy.StableProxies;
import dev.gigafactory.deployer.repository.DeploymentStore;
import dev.gigafactory.deployer.repository.InMemoryDeploymentStore;
import dev.gigafactory.deployer.testing.Confined;
import dev.gigafactory.deployer.testing.Http;
import dev.gigafactory.deployer.testing.Http.Answer;
import dev.gigafactory.deployer.testing.TrafficProbe;
import dev.gigafactory.sandbox.Sandbox;
import dev.gigafactory.testsupport.Faults;
import dev.gigafactory.testsupport.FixtureProducts;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real product processes behind real stable proxies, without Quarkus. */
class LocalProcessTargetTest {

    private static Vertx vertx;

    @TempDir
    Path dir;

    private final DeploymentStore store = new InMemoryDeploymentStore();
    private final List<LocalProcessTarget> targets = new ArrayList<>();
    private final List<ProductExited> exits = new CopyOnWriteArrayList<>();
    private LocalArtifactStore artifacts;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close();
    }

    @AfterEach
    void stopEverything() {
        ProductRegistry registry = new ProductRegistry(store);
        LocalProcessTarget last = target(registry);
        registry.load().forEach(spec -> last.stop(spec.spec()));
        targets.forEach(LocalProcessTarget::close);
    }

    @Test
    void aNewVersionTakesOverTheStableUrlUnderTrafficWithoutOneFailedRequest() throws Exception {
        LocalProcessTarget target = target(new ProductRegistry(store));
        long begin = System.nanoTime();
        Deployment one = target.deploy(release("bg", 1, FixtureProducts.jar("one")));
        long firstServing = System.nanoTime() - begin;

        try (TrafficProbe traffic = TrafficProbe.hammer(one.url() + "/slow", 4)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> traffic.answers("one") > 5);
            long switchBegin = System.nanoTime();
            Deployment two = target.deploy(release("bg", 2, FixtureProducts.jar("two")));
            long switchTotal = System.nanoTime() - switchBegin;
            await().atMost(Duration.ofSeconds(10)).until(() -> traffic.answers("two") > 5);
            traffic.stop();

            assertThat(two.url()).isEqualTo(one.url());
            assertThat(traffic.failures()).as(traffic.failureSamples().toString()).isZero();
            assertThat(traffic.answers("one")).isPositive();
            assertThat(traffic.answers("two")).isPositive();
            assertThat(ProcessHandle.of(one.pid()).map(ProcessHandle::isAlive)).isNotEqualTo(
                    Optional.of(true));
            assertThat(exits).as("a version stopped on purpose did not exit on its own").isEmpty();
            System.out.printf("BENCH artifact->serving v1 %d ms; v1->v2 deploy (start+ready+switch+drain+stop) %d ms;"
                    + " %d requests, 0 failed%n", firstServing / 1_000_000, switchTotal / 1_000_000,
                    traffic.answers("one") + traffic.answers("two"));
        }
    }

    @Test
    void aVersionThatNeverGetsReadyIsRolledBackAutomaticallyAndTheOldOneKeepsTheUrl() throws Exception {
        ProductRegistry registry = new ProductRegistry(store);
        LocalProcessTarget target = target(registry);
        Deployer deployer = new Deployer(target, registry);
        DeploymentCompleted one = deployer.onTestsCompleted(passed("rb", 1, 1, put(FixtureProducts.jar("one"))))
                .orElseThrow();

        DeploymentCompleted two = deployer.onTestsCompleted(passed("rb", 2, 1,
                put(FixtureProducts.hangingJar("two")))).orElseThrow();

        assertThat(two.succeeded()).isFalse();
        assertThat(two.detail()).contains("did not report a port").contains("fixture two is stuck")
                .contains("rolled back automatically: v1 keeps serving at " + one.url());
        assertThat(Http.get(one.url() + "/label")).contains(new Answer(200, "one"));
        assertThat(store.history("rb")).extracting(DeploymentRecord::state)
                .containsExactly(DeploymentState.SERVING, DeploymentState.FAILED);
        String v2 = dir.toAbsolutePath() + "/work/products/rb/v2/";
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(v2))).as("v2, which never got ready")
                .isEmpty());
    }

    @Test
    void aProductThatCrashesAfterStartIsRecordedCrashedWithItsLastOutput() throws Exception {
        ProductRegistry registry = new ProductRegistry(store);
        LocalProcessTarget target = target(registry);
        DeploymentCompleted done = new Deployer(target, registry)
                .onTestsCompleted(passed("crash", 1, 1, put(FixtureProducts.crashingJar("brittle", 300))))
                .orElseThrow();
        assertThat(done.succeeded()).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> registry.state("crash")
                .filter(DeploymentState.CRASHED::equals).isPresent());

        assertThat(registry.snapshot().get("crash").detail()).contains("exited unexpectedly")
                .contains("fixture brittle lost its mind");
        await().atMost(Duration.ofSeconds(10)).until(() -> !exits.isEmpty());
        assertThat(exits).singleElement().satisfies(exit -> {
            assertThat(exit.spec()).isEqualTo("crash");
            assertThat(exit.version()).isEqualTo(1);
            assertThat(exit.attempt()).isEqualTo(1);
            assertThat(exit.evidence()).isEqualTo(registry.snapshot().get("crash").detail());
        });
        assertThat(target.status("crash").orElseThrow().running()).isFalse();
        assertThat(Http.get(done.url() + "/label")).map(Answer::status).contains(502);
    }

    @Test
    void aHungProductIsRestartedWithoutWaitingForItAndIsStoppedAfterwards() throws Exception {
        LocalProcessTarget target = target(new ProductRegistry(store));
        Deployment hung = target.deploy(release("frozen", 1, FixtureProducts.jar("frozen")));
        Faults.freeze(hung.pid()); // alive, port open, answers nothing, and deaf to SIGTERM

        Deployment restarted = target.restart("frozen", "restart/incident-1");

        // the restart is done, and can be announced, while the hung instance is still being retired
        assertThat(ProcessHandle.of(hung.pid()).map(ProcessHandle::isAlive)).contains(true);
        assertThat(Http.get(restarted.url() + "/label")).contains(new Answer(200, "frozen"));
        await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(hung.pid()).isEmpty()
                || !ProcessHandle.of(hung.pid()).get().isAlive());
        assertThat(store.history("frozen")).extracting(DeploymentRecord::state)
                .containsExactly(DeploymentState.RESTARTED, DeploymentState.SERVING);
    }

    @Test
    void aRestartedDeployerReadoptsItsProductOnTheSameStableUrlAndRecoversOneThatDied() throws Exception {
        LocalProcessTarget before = target(new ProductRegistry(store));
        Deployment kept = before.deploy(release("keep", 1, FixtureProducts.jar("kept")));
        Deployment lost = before.deploy(release("lost", 1, FixtureProducts.jar("lost")));
        before.close(); // the deployer goes away; its products stay
        assertThat(ProcessHandle.of(kept.pid()).filter(ProcessHandle::isAlive)).isPresent();
        ProcessHandle dying = ProcessHandle.of(lost.pid()).orElseThrow();
        dying.destroyForcibly();
        dying.onExit().get(10, TimeUnit.SECONDS);

        ProductRegistry reborn = new ProductRegistry(store);
        LocalProcessTarget after = target(reborn);
        after.readopt();

        assertThat(after.status("keep")).contains(kept);
        assertThat(Http.get(kept.url() + "/label")).contains(new Answer(200, "kept"));
        assertThat(reborn.current("lost").orElseThrow().pid()).isNotEqualTo(lost.pid());
        assertThat(Http.get(lost.url() + "/label")).contains(new Answer(200, "lost"));
        assertThat(store.history("keep")).hasSize(1);
        assertThat(store.history("lost")).extracting(DeploymentRecord::state)
                .containsExactly(DeploymentState.CRASHED, DeploymentState.SERVING);
        assertThat(store.history("lost").get(0).detail()).contains("gone while the deployer was away");
        assertThat(ProcessHandle.of(kept.pid()).orElseThrow().info().command().orElseThrow()).endsWith("java");
        assertThat(dir.resolve("work/products/keep/v1/product.log")).content().contains("listening on port");
    }

    @Test
    void aRestartedDeployerDoesNotRecoverAProductThatHadCrashedWhenItsSpecWasRetired() throws Exception {
        ProductRegistry registry = new ProductRegistry(store);
        LocalProcessTarget before = target(registry);
        Deployment crashed = before.deploy(release("retired", 1, FixtureProducts.jar("retired")));
        ProcessHandle dying = ProcessHandle.of(crashed.pid()).orElseThrow();
        dying.destroyForcibly();
        dying.onExit().get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.state("retired")
                .filter(DeploymentState.CRASHED::equals).isPresent());
        new Deployer(before, registry).retire(new SpecRetired("retired", 1, 0, "uid-1", "test", Instant.now()));
        before.close();

        ProductRegistry reborn = new ProductRegistry(store);
        target(reborn).readopt();

        assertThat(reborn.current("retired").filter(Deployment::running)).isEmpty();
        assertThat(store.history("retired")).extracting(DeploymentRecord::state)
                .containsExactly(DeploymentState.CRASHED);
        assertThat(Http.get(crashed.url() + "/health")).isEmpty();
    }

    @Test
    void aRestartedDeployerStopsAProductItStartedButNeverRecorded() throws Exception {
        LocalProcessTarget before = target(new ProductRegistry(store));
        Deployment unrecorded = before.deploy(release("stray", 1, FixtureProducts.jar("stray")));
        before.close();

        // killed between starting the product and recording it: the next deployer's records do not name it
        target(new ProductRegistry(new InMemoryDeploymentStore())).readopt();

        assertThat(ProcessHandle.of(unrecorded.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(Http.get(unrecorded.privateUrl() + "/label")).isEmpty();
    }

    @Test
    void aClosingDeployerStartsNothing() throws Exception {
        LocalProcessTarget target = target(new ProductRegistry(store));
        Deployment one = target.deploy(release("late", 1, FixtureProducts.jar("one")));
        target.close();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> target.restart("late", "restart/x"))
                .hasMessageContaining("shutting down");
        assertThat(ProcessHandle.of(one.pid()).filter(ProcessHandle::isAlive)).isPresent();
    }

    private Release release(String spec, int version, byte[] jar) {
        return new Release(spec, version, 1, put(jar), Slo.DEFAULT);
    }

    private String put(byte[] jar) {
        if (artifacts == null) {
            artifacts = new LocalArtifactStore(dir.resolve("artifacts"));
        }
        return artifacts.put(jar);
    }

    private LocalProcessTarget target(ProductRegistry registry) {
        if (artifacts == null) {
            artifacts = new LocalArtifactStore(dir.resolve("artifacts"));
        }
        LocalProcessTarget target = new LocalProcessTarget(artifacts, registry, ProcessProbe.system(),
                new StableProxies(vertx), Confined.settings(dir.resolve("work"), Sandbox.Mode.BWRAP),
                Optional.empty(), exits::add);
        targets.add(target);
        return target;
    }
}
