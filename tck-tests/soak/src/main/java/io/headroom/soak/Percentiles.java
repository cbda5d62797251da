package io.headroom.soak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Latencies of one phase, collected from many threads; percentiles by the nearest-rank method. Each
 * latency keeps the time it was recorded, so a phase can also be shown window by window (where in the
 * run the slow requests were: around the kill and restart, or spread over the run).
 */
final class Percentiles {
    /** The latencies recorded in one window of the phase, {@code startSeconds} after its first record. */
    record Window(long startSeconds, int count, double p50Millis, double p99Millis) {
    }

    private long[] values = new long[1024];
    private long[] recordedAt = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            recordedAt = Arrays.copyOf(recordedAt, size * 2);
        }
        recordedAt[size] = System.nanoTime();
        values[size++] = nanos;
    }

    /** The phase cut into windows of {@code windowSeconds}, in time order; empty windows left out. */
    synchronized List<Window> windows(long windowSeconds) {
        List<Window> out = new ArrayList<>();
        if (size == 0) {
            return out;
        }
        long first = Arrays.stream(recordedAt, 0, size).min().orElseThrow();
        long windowNanos = windowSeconds * 1_000_000_000L;
        long last = Arrays.stream(recordedAt, 0, size).max().orElseThrow();
        for (long start = first; start <= last; start += windowNanos) {
            long s = start;
            long[] in = java.util.stream.IntStream.range(0, size)
                    .filter(i -> recordedAt[i] >= s && recordedAt[i] < s + windowNanos)
                    .mapToLong(i -> values[i]).toArray();
            if (in.length > 0) {
                out.add(new Window((start - first) / 1_000_000_000L, in.length, nearestRank(in, 50) / 1e6,
                        nearestRank(in, 99) / 1e6));
            }
        }
        return out;
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
