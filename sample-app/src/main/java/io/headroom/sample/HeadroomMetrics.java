package io.headroom.sample;

import io.headroom.CompressionListener;
import io.headroom.Endpoint;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Feeds Micrometer with the metric names of the original proxy ({@code headroom_requests_total},
 * {@code headroom_tokens_saved_total}, {@code headroom_compression_ratio},
 * {@code headroom_latency_seconds}, {@code headroom_cache_hits_total}). The extension hands this
 * bean to Headroom as its {@link CompressionListener}; the retrieve endpoint reports CCR lookups.
 * A plain singleton (no client proxy) so the meters exist, at zero, from startup.
 */
@Singleton
@Unremovable
public class HeadroomMetrics implements CompressionListener {

    private final Map<Mode, Counter> requests = new EnumMap<>(Mode.class);
    private final Counter compressed;
    private final Counter failedOpen;
    private final Counter tokensSaved;
    private final DistributionSummary compressionRatio;
    private final Timer latency;
    private final Counter cacheHits;
    private final Counter cacheMisses;

    public HeadroomMetrics(MeterRegistry registry) {
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
        cacheHits = Counter.builder("headroom.cache.hits")
                .description("CCR retrievals that found the original")
                .register(registry);
        cacheMisses = Counter.builder("headroom.cache.misses")
                .description("CCR retrievals of unknown or expired hashes")
                .register(registry);
    }

    @Override
    public void onRequest(Endpoint endpoint, Mode mode, RequestOutcome outcome, long elapsedNanos) {
        // called on the request path: must never throw into it
        try {
            requests.get(mode).increment();
            latency.record(elapsedNanos, TimeUnit.NANOSECONDS);
            if (outcome.failedOpen()) {
                failedOpen.increment();
            }
            if (outcome.compressed()) {
                // only rewritten bodies save tokens; audit mode merely estimates
                compressed.increment();
                tokensSaved.increment(outcome.tokensSaved());
            }
            if (outcome.tokensBefore() > 0) {
                compressionRatio.record((double) outcome.tokensSaved() / outcome.tokensBefore());
            }
        } catch (RuntimeException ignored) {
            // metrics are best effort
        }
    }

    /** One CCR lookup through /v1/retrieve. */
    public void onRetrieval(boolean found) {
        (found ? cacheHits : cacheMisses).increment();
    }
}
