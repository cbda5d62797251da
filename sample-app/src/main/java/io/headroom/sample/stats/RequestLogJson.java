package io.headroom.sample.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** The original proxy's {@code /stats} blocks fed by the {@link RequestLog}, with its field names. */
public final class RequestLogJson {
    private RequestLogJson() {
    }

    /** {@code requests.by_provider} and {@code requests.by_model}. */
    public static void putBreakdowns(ObjectNode requests, RequestLog.Snapshot s) {
        putCounts(requests.putObject("by_provider"), s.byProvider());
        putCounts(requests.putObject("by_model"), s.byModel());
    }

    /** {@code latency {average_ms, min_ms, max_ms, total_requests}}, {@code overhead} and {@code ttfb}. */
    public static void putTimings(ObjectNode parent, RequestLog.Snapshot s) {
        putTiming(parent.putObject("latency"), s.latency()).put("total_requests", s.latency().count());
        putTiming(parent.putObject("overhead"), s.overhead());
        putTiming(parent.putObject("ttfb"), s.ttfb());
    }

    /** {@code recent_requests}: the entries the TypeScript SDK's {@code getMetrics()} returns, oldest first. */
    public static void putRecent(ObjectNode parent, List<RecentRequest> recent) {
        ArrayNode list = parent.putArray("recent_requests");
        for (RecentRequest r : recent) {
            ObjectNode n = list.addObject();
            n.put("request_id", r.requestId());
            n.put("timestamp", r.timestamp().toString());
            n.put("provider", r.provider());
            n.put("model", r.model());
            n.put("input_tokens_original", r.inputTokensOriginal());
            n.put("input_tokens_optimized", r.inputTokensOptimized());
            n.put("output_tokens", r.outputTokens());
            n.put("tokens_saved", r.tokensSaved());
            n.put("savings_percent", r.savingsPercent());
            if (r.optimizationLatencyMs() == null) {
                n.putNull("optimization_latency_ms");
            } else {
                n.put("optimization_latency_ms", TimingStats.round2(r.optimizationLatencyMs()));
            }
            n.put("total_latency_ms", TimingStats.round2(r.totalLatencyMs()));
            ArrayNode transforms = n.putArray("transforms_applied");
            r.transformsApplied().forEach(transforms::add);
            n.putNull("waste_signals");
        }
    }

    private static ObjectNode putTiming(ObjectNode n, TimingStats t) {
        n.put("average_ms", t.averageMs());
        n.put("min_ms", TimingStats.round2(t.minMs()));
        n.put("max_ms", TimingStats.round2(t.maxMs()));
        return n;
    }

    private static void putCounts(ObjectNode n, Map<String, Long> counts) {
        counts.forEach(n::put);
    }
}
