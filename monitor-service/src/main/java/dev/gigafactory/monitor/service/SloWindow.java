package dev.gigafactory.monitor.service;

import dev.gigafactory.contracts.spec.Slo;
import dev.gigafactory.monitor.domain.MetricsSnapshot;
import dev.gigafactory.monitor.domain.SloVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The sliding window of one deployment: its scrapes and failed probes over the last {@code length}. The figures are
 * the difference between the newest scrape and the last one at or before the window's start (counters are
 * cumulative), so the window covers its whole length as soon as it has been watched that long.
 */
public final class SloWindow {

    private record Scrape(Instant at, MetricsSnapshot snapshot) {
    }

    private final Duration length;
    private final long minRequests;
    private final Deque<Scrape> scrapes = new ArrayDeque<>();
    private final Deque<Instant> failedProbes = new ArrayDeque<>();

    public SloWindow(Duration length, long minRequests) {
        this.length = length;
        this.minRequests = minRequests;
    }

    public void scraped(Instant at, MetricsSnapshot snapshot) {
        scrapes.addLast(new Scrape(at, snapshot));
        prune(at);
    }

    public void probeFailed(Instant at) {
        failedProbes.addLast(at);
        prune(at);
    }

    public SloVerdict evaluate(Instant now, Slo slo) {
        prune(now);
        MetricsSnapshot delta = scrapes.isEmpty()
                ? MetricsSnapshot.EMPTY
                : scrapes.getLast().snapshot().since(scrapes.getFirst().snapshot());
        long failed = failedProbes.size();
        long attempts = delta.requests() + failed;
        double availability = attempts == 0 ? 100.0 : 100.0 * (delta.requests() - delta.errors()) / attempts;
        return new SloVerdict(slo, length, delta.requests(), delta.errors(), failed, availability,
                delta.quantileMs(0.99), attempts >= minRequests);
    }

    private void prune(Instant now) {
        Instant start = now.minus(length);
        // keep one scrape at or before the start: it is the baseline the window's deltas are taken against
        while (scrapes.size() >= 2 && !scrapes.stream().skip(1).findFirst().orElseThrow().at().isAfter(start)) {
            scrapes.removeFirst();
        }
        while (!failedProbes.isEmpty() && failedProbes.getFirst().isBefore(start)) {
            failedProbes.removeFirst();
        }
    }
}
