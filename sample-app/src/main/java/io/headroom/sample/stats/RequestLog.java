package io.headroom.sample.stats;

import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * What the gateway saw of each proxied request, for the original proxy's {@code /stats} blocks ({@code requests.
 * by_provider/by_model}, {@code tokens.output}, {@code latency}, {@code overhead}, {@code ttfb},
 * {@code recent_requests}) and its Prometheus families ({@code headroom_latency_ms_*}, {@code headroom_requests_by_*},
 * ...). Two windows: {@link #lifetime()} feeds {@code /metrics}, which stays monotonic for Prometheus, and
 * {@link #session()} feeds {@code /stats}, which {@code POST /stats/reset} starts again.
 */
@Singleton
public class RequestLog {
    /** As many as the original's {@code /stats} lists. */
    public static final int RECENT = 10;

    private RequestWindow lifetime = new RequestWindow();
    private RequestWindow session = new RequestWindow();
    private final Deque<RecentRequest> recent = new ArrayDeque<>();

    /** The figures of one window; map keys sorted, for a stable output. */
    public record Snapshot(long requests, Map<String, Long> byProvider, Map<String, Long> byModel, long outputTokens,
                           long failed, TimingStats latency, TimingStats overhead, TimingStats ttfb,
                           long passThroughRequests) {
    }

    /** One proxied request that has ended; {@code ttfbMs} negative when no upstream answer started. */
    public synchronized void record(RecentRequest r, double ttfbMs) {
        lifetime.add(r, ttfbMs);
        session.add(r, ttfbMs);
        recent.addLast(r);
        while (recent.size() > RECENT) {
            recent.removeFirst();
        }
    }

    /**
     * One metered pass-through call that has ended (models, embeddings, count_tokens, ...): counted as the original
     * counts them, in every figure a proxied request feeds, and also in {@link Snapshot#passThroughRequests()},
     * since the Headroom core (whose count is the requests total) never sees them.
     */
    public synchronized void recordPassThrough(RecentRequest r, double ttfbMs) {
        record(r, ttfbMs);
        lifetime.passThrough++;
        session.passThrough++;
    }

    /** Time spent in the compression pipeline for one request (the original's "Headroom overhead"). */
    public synchronized void recordOverhead(double ms) {
        lifetime.overhead = lifetime.overhead.plus(ms);
        session.overhead = session.overhead.plus(ms);
    }

    public synchronized Snapshot lifetime() {
        return lifetime.snapshot();
    }

    public synchronized Snapshot session() {
        return session.snapshot();
    }

    /** The last {@link #RECENT} requests, oldest first (the original's order). */
    public synchronized List<RecentRequest> recent() {
        return List.copyOf(recent);
    }

    /** {@code POST /stats/reset}: the session window and the recent list start again; the lifetime one does not. */
    public synchronized void resetSession() {
        session = new RequestWindow();
        recent.clear();
    }
}
