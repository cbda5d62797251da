package io.headroom.sample.stats;

import java.time.Instant;
import java.util.List;

/**
 * One proxied request as the original's {@code /stats} lists it in {@code recent_requests} (and its TypeScript
 * SDK's {@code getMetrics()} returns): ids, provider, model, token counts and timings. No request content.
 *
 * @param inputTokensOriginal  input tokens before compression (the filter's count, else a size estimate)
 * @param inputTokensOptimized input tokens as forwarded
 * @param outputTokens         output tokens the provider reported, 0 when it reported none
 * @param optimizationLatencyMs time in the compression pipeline for this request, null when not known
 */
public record RecentRequest(String requestId, Instant timestamp, String provider, String model, int status,
                            long inputTokensOriginal, long inputTokensOptimized, long outputTokens,
                            Double optimizationLatencyMs, double totalLatencyMs, List<String> transformsApplied) {
    public RecentRequest {
        transformsApplied = List.copyOf(transformsApplied);
    }

    public long tokensSaved() {
        return Math.max(0, inputTokensOriginal - inputTokensOptimized);
    }

    /** Tokens saved as a percentage of the original input, two decimals. */
    public double savingsPercent() {
        return inputTokensOriginal <= 0 ? 0.0 : TimingStats.round2(100.0 * tokensSaved() / inputTokensOriginal);
    }
}
