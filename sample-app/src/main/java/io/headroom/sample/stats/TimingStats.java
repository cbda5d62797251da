package io.headroom.sample.stats;

/**
 * Sum, count, min and max of one duration in milliseconds, as the original proxy keeps its latency, overhead and
 * time-to-first-byte figures (Prometheus {@code _ms_sum/_count/_min/_max}, {@code /stats} {@code average_ms,
 * min_ms, max_ms}). Immutable; {@link #plus} gives the figures with one more sample.
 */
public record TimingStats(double sumMs, long count, double minMs, double maxMs) {
    public static final TimingStats EMPTY = new TimingStats(0.0, 0, 0.0, 0.0);

    public TimingStats plus(double ms) {
        double sample = Math.max(0.0, ms);
        return count == 0 ? new TimingStats(sample, 1, sample, sample)
                : new TimingStats(sumMs + sample, count + 1, Math.min(minMs, sample), Math.max(maxMs, sample));
    }

    /** Rounded to two decimals like the original; 0 before the first sample. */
    public double averageMs() {
        return count == 0 ? 0.0 : round2(sumMs / count);
    }

    public static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
