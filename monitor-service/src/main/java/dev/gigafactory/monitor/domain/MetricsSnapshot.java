package dev.gigafactory.monitor.domain;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A product's request counters at one scrape, summed over routes and statuses: requests, server errors (5xx) and
 * the cumulative latency histogram by upper bound in seconds. The monitor's own probes ({@code /health},
 * {@code /metrics}) are left out, so watching a product does not dilute its figures.
 */
public record MetricsSnapshot(long requests, long errors, NavigableMap<Double, Long> buckets) {

    public static final String REQUESTS = "http_requests_total";
    public static final String BUCKET = "http_request_duration_seconds_bucket";
    static final Set<String> PROBE_ROUTES = Set.of("/health", "/metrics");

    public static final MetricsSnapshot EMPTY = new MetricsSnapshot(0, 0, Collections.emptyNavigableMap());

    public static MetricsSnapshot of(List<Sample> samples) {
        long requests = 0;
        long errors = 0;
        NavigableMap<Double, Long> buckets = new TreeMap<>();
        for (Sample sample : samples) {
            if (PROBE_ROUTES.contains(sample.label("route"))) {
                continue;
            }
            if (sample.name().equals(REQUESTS)) {
                requests += (long) sample.value();
                errors += sample.label("status").startsWith("5") ? (long) sample.value() : 0;
            } else if (sample.name().equals(BUCKET) && !sample.label("le").isEmpty()) {
                buckets.merge(bound(sample.label("le")), (long) sample.value(), Long::sum);
            }
        }
        return new MetricsSnapshot(requests, errors, Collections.unmodifiableNavigableMap(buckets));
    }

    /** What happened between {@code earlier} and this scrape; everything, if the counters restarted from zero. */
    public MetricsSnapshot since(MetricsSnapshot earlier) {
        if (requests < earlier.requests || errors < earlier.errors) {
            return this;
        }
        NavigableMap<Double, Long> delta = new TreeMap<>();
        for (Map.Entry<Double, Long> bucket : buckets.entrySet()) {
            long before = earlier.buckets.getOrDefault(bucket.getKey(), 0L);
            if (bucket.getValue() < before) {
                return this;
            }
            delta.put(bucket.getKey(), bucket.getValue() - before);
        }
        return new MetricsSnapshot(requests - earlier.requests, errors - earlier.errors, delta);
    }

    /**
     * The q-quantile in milliseconds as Prometheus' histogram_quantile computes it: linear within the bucket that
     * holds the rank; in the +Inf bucket, the highest finite bound. NaN without observations.
     */
    public double quantileMs(double q) {
        long total = buckets.isEmpty() ? 0 : buckets.lastEntry().getValue();
        if (total == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lower = 0;
        long below = 0;
        for (Map.Entry<Double, Long> bucket : buckets.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return lower * 1000;
                }
                long inBucket = bucket.getValue() - below;
                double fraction = inBucket == 0 ? 1 : (rank - below) / inBucket;
                return (lower + (bucket.getKey() - lower) * fraction) * 1000;
            }
            lower = bucket.getKey();
            below = bucket.getValue();
        }
        return lower * 1000;
    }

    private static double bound(String le) {
        return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }
}
