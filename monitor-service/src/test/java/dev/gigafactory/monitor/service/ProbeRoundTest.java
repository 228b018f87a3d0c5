package dev.gigafactory.monitor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.ProductExited;
import dev.gigafactory.monitor.domain.LadderPolicy;
import dev.gigafactory.monitor.testing.Products;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Overlapping rounds over real sockets: a product that does not answer holds up no one but itself. */
class ProbeRoundTest {

    private final Fleet fleet = new Fleet(2, Duration.ofSeconds(60), 20);
    private final ProbeRound round = new ProbeRound(fleet, new HealthProber(Duration.ofSeconds(30)), desk(),
            Clock.systemUTC(), new ProbeRound.Cadence(Duration.ofSeconds(3), 5, Duration.ofSeconds(5)));
    private final AtomicInteger fineStatus = new AtomicInteger(200);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger hungProbes = new AtomicInteger();
    private final AtomicInteger fineProbes = new AtomicInteger();
    private final AtomicInteger fineScrapes = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void startProducts() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hung/health", exchange -> {
            hungProbes.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/fine/", exchange -> {
            (exchange.getRequestURI().getPath().endsWith("/metrics") ? fineScrapes : fineProbes).incrementAndGet();
            exchange.sendResponseHeaders(fineStatus.get(), -1);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        fleet.track(Products.deployed("hung", 1, base + "/hung", DeploymentCompleted.DEPLOY), Instant.now());
        fleet.track(Products.deployed("fine", 1, base + "/fine", DeploymentCompleted.DEPLOY), Instant.now());
    }

    private static IncidentDesk desk() {
        return new IncidentDesk(new LadderPolicy(2, Duration.ofMinutes(10), 4, Duration.ofSeconds(1),
                Duration.ofSeconds(5)), Duration.ofSeconds(30), new InMemoryStore(),
                new IncidentMeters(new SimpleMeterRegistry()));
    }

    @AfterEach
    void stopProducts() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void aProductThatDoesNotAnswerIsNotProbedAgainMeanwhileAndTheOthersStillAre() {
        CompletableFuture<List<IncidentDetected>> waiting = CompletableFuture.supplyAsync(round::run);
        await().atMost(Duration.ofSeconds(10)).until(() -> hungProbes.get() == 1 && fineProbes.get() > 0);
        int fineBefore = fineProbes.get();

        List<IncidentDetected> next = round.run();

        assertThat(next).isEmpty();
        assertThat(fineProbes.get()).as("the answering product was probed again").isGreaterThan(fineBefore);
        assertThat(hungProbes.get()).as("no second probe stacked on the silent one").isEqualTo(1);
        assertThat(waiting).as("the first round still waits for the silent product").isNotDone();
        release.countDown();
        assertThat(waiting.join()).isEmpty();
    }

    @Test
    void aHealthyProductIsProbedEveryRoundAndScrapedOncePerScrapeInterval() {
        release.countDown(); // the silent product answers: only the healthy one is counted here
        SteppedClock clock = new SteppedClock();
        ProbeRound timed = timed(clock, new ProbeRound.Cadence(Duration.ofSeconds(3), 100, Duration.ofSeconds(5)));

        for (int i = 0; i < 5; i++) {
            timed.run();
            clock.step(Duration.ofSeconds(1));
        }

        assertThat(fineProbes.get()).isEqualTo(5);
        assertThat(fineScrapes.get()).as("rounds at 0-4 s, one 5 s scrape interval").isEqualTo(1);
        timed.run();
        assertThat(fineScrapes.get()).as("at 5 s the interval is over").isEqualTo(2);
    }

    @Test
    void aSettledProductIsProbedOncePerSteadyIntervalUntilAProbeFailsWhichIsTriedAgainAtOnce() {
        release.countDown();
        SteppedClock clock = new SteppedClock();
        ProbeRound timed = timed(clock, new ProbeRound.Cadence(Duration.ofSeconds(3), 3, Duration.ofMinutes(1)));

        for (int second = 0; second < 10; second++) {
            timed.run();
            clock.step(Duration.ofSeconds(1));
        }
        assertThat(fineProbes.get()).as("every round at 0, 1, 2 s; settled, at 5 and 8 s").isEqualTo(5);

        fineStatus.set(503);
        List<List<IncidentDetected>> rounds = new java.util.ArrayList<>();
        for (int second = 10; second < 14; second++) {
            rounds.add(timed.run());
            clock.step(Duration.ofSeconds(1));
        }
        assertThat(rounds.get(1)).as("the round at 11 s reaches the threshold by itself").singleElement()
                .extracting(IncidentDetected::kind).isEqualTo(IncidentDetected.Kind.UNHEALTHY);
        assertThat(fineProbes.get()).as("at 11 s the failed probe and its retry at once, then every round at 12 and"
                + " 13 s").isEqualTo(9);
    }

    @Test
    void aProductWhoseExitWasReportedIsProbedAtOnceAndItsFirstRefusedProbeIsACrash() throws IOException {
        String gone;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            gone = "http://127.0.0.1:" + closed.getLocalPort();
        }
        fleet.track(Products.deployed("gone", 1, gone, DeploymentCompleted.DEPLOY), Instant.now());
        fleet.exited(new ProductExited("gone", 1, 1, 4242, Instant.now(), "pid 4242 exited unexpectedly"));

        IncidentDetected incident = round.probeNow("gone").orElseThrow();

        assertThat(incident.kind()).isEqualTo(IncidentDetected.Kind.CRASH);
        assertThat(incident.action()).isEqualTo(IncidentDetected.Remediation.RESTART);
        assertThat(incident.evidence()).isEqualTo("GET " + gone + "/health: connection refused x 1;"
                + " the deployer reported: pid 4242 exited unexpectedly");
        assertThat(round.probeNow("never-deployed")).isEmpty();
    }

    private ProbeRound timed(Clock clock, ProbeRound.Cadence cadence) {
        return new ProbeRound(fleet, new HealthProber(Duration.ofSeconds(30)), desk(), clock, cadence);
    }

    /** A clock the test moves on by hand. */
    private static final class SteppedClock extends Clock {

        private Instant now = Instant.now();

        void step(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
