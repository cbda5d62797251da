package io.headroom.soak;

import java.util.Arrays;

/** Latencies of one phase, collected from many threads; percentiles by the nearest-rank method. */
final class Percentiles {
    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    /** The p-th percentile (0 < p <= 100) in milliseconds, or NaN when nothing was recorded. */
    synchronized double millis(double p) {
        return nearestRank(Arrays.copyOf(values, size), p) / 1e6;
    }

    /** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
    static double nearestRank(long[] data, double p) {
        if (data.length == 0) {
            return Double.NaN;
        }
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        long[] sorted = data.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }
}
