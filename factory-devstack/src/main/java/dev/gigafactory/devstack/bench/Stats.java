package dev.gigafactory.devstack.bench;

import java.util.List;

/** Nearest-rank percentiles of a sample, in milliseconds. */
record Stats(int count, long p50, long p95, long max) {

    static Stats of(List<Long> values) {
        if (values.isEmpty()) {
            return new Stats(0, 0, 0, 0);
        }
        List<Long> sorted = values.stream().sorted().toList();
        return new Stats(sorted.size(), rank(sorted, 50), rank(sorted, 95), sorted.get(sorted.size() - 1));
    }

    private static long rank(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
