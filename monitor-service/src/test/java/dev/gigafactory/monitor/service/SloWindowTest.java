package dev.gigafactory.monitor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigafactory.contracts.spec.Slo;
import dev.gigafactory.monitor.domain.MetricsSnapshot;
import dev.gigafactory.monitor.domain.SloVerdict;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SloWindowTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Slo SLO = new Slo(new BigDecimal("99.5"), 250);

    private final SloWindow window = new SloWindow(Duration.ofSeconds(60), 10);

    /** {@code fast} requests under 10 ms and {@code slow} ones between 0.5 and 1 s, none failing. */
    static MetricsSnapshot slow(long fast, long slow) {
        TreeMap<Double, Long> buckets = new TreeMap<>();
        buckets.put(0.01, fast);
        buckets.put(0.5, fast);
        buckets.put(1.0, fast + slow);
        buckets.put(Double.POSITIVE_INFINITY, fast + slow);
        return new MetricsSnapshot(fast + slow, 0, buckets);
    }

    @Test
    void theWindowMeasuresTheDeltaSinceItsStartNotTheLifetimeCounters() {
        window.scraped(T0, slow(1000, 0));
        window.scraped(T0.plusSeconds(30), slow(1100, 0));

        SloVerdict verdict = window.evaluate(T0.plusSeconds(30), SLO);

        assertThat(verdict.requests()).isEqualTo(100);
        assertThat(verdict.p99Ms()).isCloseTo(9.9, within(0.01)); // linear inside the 0–10 ms bucket
        assertThat(verdict.breached()).isFalse();
    }

    @Test
    void slowRequestsAboveTheTargetBreachTheLatencySlo() {
        window.scraped(T0, slow(0, 0));
        window.scraped(T0.plusSeconds(10), slow(80, 20));

        SloVerdict verdict = window.evaluate(T0.plusSeconds(10), SLO);

        assertThat(verdict.p99Ms()).isCloseTo(975, within(0.01)); // rank 99 of 100: 19/20 through 0.5–1 s
        assertThat(verdict.latencyBreached()).isTrue();
        assertThat(verdict.availabilityBreached()).isFalse();
    }

    @Test
    void serverErrorsAndFailedProbesCountAgainstAvailability() {
        window.scraped(T0, MetricsSnapshot.EMPTY);
        window.scraped(T0.plusSeconds(10), new MetricsSnapshot(98, 2, new TreeMap<>()));
        window.probeFailed(T0.plusSeconds(11));
        window.probeFailed(T0.plusSeconds(12));

        SloVerdict verdict = window.evaluate(T0.plusSeconds(12), SLO);

        assertThat(verdict.availability()).isCloseTo(96.0, within(0.001)); // 96 good of 98 requests + 2 failed probes
        assertThat(verdict.availabilityBreached()).isTrue();
    }

    @Test
    void tooLittleTrafficIsNoBreach() {
        window.scraped(T0, slow(0, 0));
        window.scraped(T0.plusSeconds(10), slow(0, 3));

        assertThat(window.evaluate(T0.plusSeconds(10), SLO).breached()).isFalse();
    }

    @Test
    void oldTrafficSlidesOutOfTheWindow() {
        window.scraped(T0, slow(0, 0));
        window.scraped(T0.plusSeconds(10), slow(0, 50));
        window.scraped(T0.plusSeconds(80), slow(0, 50));

        SloVerdict verdict = window.evaluate(T0.plusSeconds(80), SLO);

        assertThat(verdict.requests()).isZero();
        assertThat(verdict.breached()).isFalse();
    }

    @Test
    void aRestartedProductsCountersStartAgainFromZero() {
        window.scraped(T0, slow(500, 0));
        window.scraped(T0.plusSeconds(10), slow(0, 20));

        assertThat(window.evaluate(T0.plusSeconds(10), SLO).requests()).isEqualTo(20);
    }
}
