package io.headroom.sample.stats;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-request figures of proxied requests over one window (since start, or since {@code POST /stats/reset}):
 * counts by provider and by model, output tokens, failed upstream answers and the three timings. Not thread-safe;
 * {@link RequestLog} guards it.
 */
final class RequestWindow {
    final Map<String, Long> byProvider = new TreeMap<>();
    final Map<String, Long> byModel = new TreeMap<>();
    long requests;
    long outputTokens;
    long failed;
    long passThrough;
    TimingStats latency = TimingStats.EMPTY;
    TimingStats overhead = TimingStats.EMPTY;
    TimingStats ttfb = TimingStats.EMPTY;

    void add(RecentRequest r, double ttfbMs) {
        requests++;
        byProvider.merge(r.provider(), 1L, Long::sum);
        if (r.model() != null) {
            byModel.merge(r.model(), 1L, Long::sum);
        }
        outputTokens += r.outputTokens();
        if (r.status() >= 500) {
            failed++;
        }
        latency = latency.plus(r.totalLatencyMs());
        if (ttfbMs >= 0) {
            ttfb = ttfb.plus(ttfbMs);
        }
    }

    RequestLog.Snapshot snapshot() {
        return new RequestLog.Snapshot(requests, sorted(byProvider), sorted(byModel), outputTokens, failed,
                latency, overhead, ttfb, passThrough);
    }

    private static Map<String, Long> sorted(Map<String, Long> m) {
        return Collections.unmodifiableMap(new TreeMap<>(m));
    }
}
