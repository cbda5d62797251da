package io.headroom.micrometer;

import io.headroom.CompressionListener;
import io.headroom.Endpoint;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import io.headroom.StatsSnapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The per-request meters of one registry, fed by the pipeline's listener. Registered when bound, so they exist,
 * at zero, before the first request. Names, tags and buckets are those the sample gateway has always exported.
 */
final class RequestMeters implements CompressionListener {
    private final Map<Mode, Counter> requests = new EnumMap<>(Mode.class);
    private final Counter compressed;
    private final Counter failedOpen;
    private final Counter tokensBefore;
    private final Counter tokensAfter;
    private final Counter tokensSaved;
    private final DistributionSummary compressionRatio;
    private final Timer latency;
    private final RecentStats stats;

    RequestMeters(MeterRegistry registry, RecentStats stats) {
        this.stats = stats;
        for (Mode mode : Mode.values()) {
            requests.put(mode, Counter.builder("headroom.requests")
                    .description("Total requests processed")
                    .tag("mode", mode.wireName())
                    .register(registry));
        }
        compressed = Counter.builder("headroom.requests.compressed")
                .description("Requests whose body was rewritten")
                .register(registry);
        failedOpen = Counter.builder("headroom.requests.failed.open")
                .description("Requests forwarded unchanged because compression failed internally")
                .register(registry);
        tokensBefore = Counter.builder("headroom.tokens.before")
                .description("Tokens of analysed requests before compression")
                .register(registry);
        tokensAfter = Counter.builder("headroom.tokens.after")
                .description("Tokens of analysed requests as forwarded")
                .register(registry);
        tokensSaved = Counter.builder("headroom.tokens.saved")
                .description("Total tokens saved")
                .register(registry);
        compressionRatio = DistributionSummary.builder("headroom.compression.ratio")
                .description("Compression ratio histogram (fraction of tokens saved per analysed request)")
                .serviceLevelObjectives(0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0)
                .register(registry);
        latency = Timer.builder("headroom.latency")
                .description("Request latency histogram (time spent in the compression pipeline)")
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
                        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1))
                .register(registry);
    }

    /** The engine's counters, for the function meters that read them. */
    StatsSnapshot stats() {
        return stats.get();
    }

    @Override
    public void onRequest(Endpoint endpoint, Mode mode, RequestOutcome outcome, long elapsedNanos) {
        requests.get(mode).increment();
        latency.record(elapsedNanos, TimeUnit.NANOSECONDS);
        if (outcome.failedOpen()) {
            failedOpen.increment();
        }
        // as Headroom#stats() sums them: an unchanged (audited) body forwards its tokens as they were
        tokensBefore.increment(outcome.tokensBefore());
        tokensAfter.increment(outcome.bodyChanged() ? outcome.tokensAfter() : outcome.tokensBefore());
        if (outcome.compressed()) {
            // only rewritten bodies save tokens; audit mode merely estimates
            compressed.increment();
            tokensSaved.increment(outcome.tokensSaved());
        }
        if (outcome.tokensBefore() > 0) {
            compressionRatio.record((double) outcome.tokensSaved() / outcome.tokensBefore());
        }
    }
}
