package dev.gigafactory.product.bench;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts and latencies in the Prometheus text format. Routes are templates ({@code /todos/{id}}), never raw
 * paths, so the number of series stays bounded whatever clients send.
 */
final class Metrics {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0};
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    private record Requests(String method, String route, int status) {
    }

    private record Latency(String route, int status) {
    }

    /** Counts per bucket (not cumulative; summed when rendered), plus count and sum. */
    private static final class Histogram {

        private final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        private final LongAdder count = new LongAdder();
        private final DoubleAdder sum = new DoubleAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].increment();
                    break;
                }
            }
            count.increment();
            sum.add(seconds);
        }
    }

    private final Map<Requests, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<Latency, Histogram> latencies = new ConcurrentHashMap<>();

    void record(String method, String route, int status, long nanos) {
        String knownMethod = METHODS.contains(method) ? method : "OTHER";
        requests.computeIfAbsent(new Requests(knownMethod, route, status), key -> new LongAdder()).increment();
        latencies.computeIfAbsent(new Latency(route, status), key -> new Histogram()).observe(nanos / 1e9);
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP http_requests_total HTTP requests answered, by method, route template and status.\n");
        out.append("# TYPE http_requests_total counter\n");
        requests.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Requests::route)
                        .thenComparing(Requests::method).thenComparingInt(Requests::status)))
                .forEach(entry -> out.append("http_requests_total{method=\"").append(entry.getKey().method())
                        .append("\",route=\"").append(escape(entry.getKey().route())).append("\",status=\"")
                        .append(entry.getKey().status()).append("\"} ").append(entry.getValue().sum()).append('\n'));
        out.append("# HELP http_request_duration_seconds Time to answer an HTTP request, by route template and status.\n");
        out.append("# TYPE http_request_duration_seconds histogram\n");
        latencies.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Latency::route)
                        .thenComparingInt(Latency::status)))
                .forEach(entry -> renderHistogram(entry.getKey(), entry.getValue(), out));
        return out.toString();
    }

    private static void renderHistogram(Latency key, Histogram histogram, StringBuilder out) {
        String labels = "route=\"" + escape(key.route()) + "\",status=\"" + key.status() + "\"";
        long cumulative = 0;
        for (int i = 0; i < BUCKETS.length; i++) {
            cumulative += histogram.buckets[i].sum();
            out.append("http_request_duration_seconds_bucket{").append(labels).append(",le=\"").append(BUCKETS[i])
                    .append("\"} ").append(cumulative).append('\n');
        }
        long count = histogram.count.sum();
        out.append("http_request_duration_seconds_bucket{").append(labels).append(",le=\"+Inf\"} ").append(count)
                .append('\n');
        out.append("http_request_duration_seconds_sum{").append(labels).append("} ").append(histogram.sum.sum())
                .append('\n');
        out.append("http_request_duration_seconds_count{").append(labels).append("} ").append(count).append('\n');
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
