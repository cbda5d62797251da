package io.headroom.micrometer;

import io.headroom.Headroom;
import io.headroom.ImageTokenUsage;
import io.headroom.StatsSnapshot;
import io.headroom.host.Admission;
import io.headroom.host.HeadroomLog;
import io.headroom.host.PassReason;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * Headroom's meters, the same in every host and in the sample gateway (so one dashboard fits all of them). In
 * Prometheus text (names as Micrometer's Prometheus registry writes them):
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>Meter</th><th>Type</th><th>What it counts</th></tr>
 *   <tr><td>{@code headroom_requests_total{mode}}</td><td>counter</td><td>requests the pipeline handled, by mode</td></tr>
 *   <tr><td>{@code headroom_requests_compressed_total}</td><td>counter</td><td>requests whose body was compressed</td></tr>
 *   <tr><td>{@code headroom_requests_failed_open_total}</td><td>counter</td><td>requests forwarded unchanged after an internal error</td></tr>
 *   <tr><td>{@code headroom_requests_passed_total{reason}}</td><td>counter</td><td>LLM requests forwarded without a rewrite, by {@link PassReason}</td></tr>
 *   <tr><td>{@code headroom_tokens_before_total}, {@code headroom_tokens_after_total}</td><td>counter</td><td>tokens of analysed requests before and as forwarded</td></tr>
 *   <tr><td>{@code headroom_tokens_saved_total}</td><td>counter</td><td>tokens removed from compressed requests</td></tr>
 *   <tr><td>{@code headroom_compression_ratio}</td><td>summary</td><td>fraction of tokens saved per analysed request</td></tr>
 *   <tr><td>{@code headroom_latency_seconds}</td><td>timer</td><td>time spent in the compression pipeline</td></tr>
 *   <tr><td>{@code headroom_ccr_stored_total}, {@code headroom_ccr_entries}</td><td>counter, gauge</td><td>originals stored since start, held now</td></tr>
 *   <tr><td>{@code headroom_cache_hits_total}, {@code headroom_cache_misses_total}</td><td>counter</td><td>CCR retrievals that found the original, and of unknown or expired hashes</td></tr>
 *   <tr><td>{@code headroom_images_total{technique}}, {@code headroom_image_tokens_before_total{technique}},
 *       {@code headroom_image_tokens_after_total{technique}}</td><td>counter</td><td>images of analysed requests
 *       and their tokens as sent and as forwarded, by technique ({@link ImageTokenUsage#TECHNIQUES})</td></tr>
 *   <tr><td>{@code headroom_retrieve_rounds_total}</td><td>counter</td><td>follow-ups the retrieve loop sent after answering {@code headroom_retrieve} calls</td></tr>
 *   <tr><td>{@code headroom_ccr_proactive_expansions_total}, {@code headroom_ccr_expanded_items_total}</td><td>counter</td><td>requests the Context Tracker expanded with items dropped earlier in their conversation, and those items</td></tr>
 * </table>
 *
 * <p>The per-request meters are fed by a listener this binder adds to the {@link Headroom} ({@link
 * Headroom#addListener}); the others read {@link Headroom#stats()} (at most once a second) and the host's
 * {@link Admission} when a scrape asks. Bind each registry once: a registry that is also part of another bound
 * registry (a composite) would count the per-request meters twice.
 */
public final class HeadroomMeterBinder implements MeterBinder {
    private static final HeadroomLog LOG = HeadroomLog.of(HeadroomMeterBinder.class);
    private final Headroom headroom;
    private final Admission admission;
    private final RecentStats stats;

    /** The meters of {@code headroom}, without the pass-through counts (no host admission to read them from). */
    public HeadroomMeterBinder(Headroom headroom) {
        this(headroom, null);
    }

    /**
     * The meters of {@code headroom} and of the host whose {@code admission} policy decides which requests it sees.
     *
     * @param admission the host's policy, for {@code headroom.requests.passed}; null leaves those meters out
     */
    public HeadroomMeterBinder(Headroom headroom, Admission admission) {
        this.headroom = Objects.requireNonNull(headroom, "headroom");
        this.admission = admission;
        this.stats = new RecentStats(headroom);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        // Micrometer holds a function meter's state object weakly: the state is the listener, which the
        // Headroom holds for as long as it lives
        RequestMeters meters = new RequestMeters(registry, stats);
        try {
            headroom.addListener(meters);
        } catch (UnsupportedOperationException e) {
            // an application's own Headroom implementation: its meters are its business
            LOG.warn("Headroom meters not registered: {} takes no listener after build",
                    headroom.getClass().getName());
            return;
        }
        statsCounter(registry, meters, "headroom.ccr.stored", "Originals stored in the CCR store since start",
                StatsSnapshot::ccrStored);
        Gauge.builder("headroom.ccr.entries", meters, m -> m.stats().ccrEntries())
                .description("Originals the CCR store holds now")
                .register(registry);
        statsCounter(registry, meters, "headroom.cache.hits", "CCR retrievals that found the original",
                StatsSnapshot::ccrRetrievals);
        statsCounter(registry, meters, "headroom.cache.misses", "CCR retrievals of unknown or expired hashes",
                StatsSnapshot::ccrMisses);
        statsCounter(registry, meters, "headroom.retrieve.rounds",
                "Follow-ups sent upstream after answering the model's headroom_retrieve calls",
                StatsSnapshot::retrieveRounds);
        statsCounter(registry, meters, "headroom.ccr.proactive.expansions",
                "Requests the Context Tracker expanded with items dropped earlier in their conversation",
                StatsSnapshot::proactiveExpansions);
        statsCounter(registry, meters, "headroom.ccr.expanded.items",
                "Items the Context Tracker's proactive expansions added", StatsSnapshot::expandedItems);
        for (String technique : ImageTokenUsage.TECHNIQUES) {
            imageCounter(registry, meters, "headroom.images", "Images in analysed requests, by technique", technique,
                    ImageTokenUsage::images);
            imageCounter(registry, meters, "headroom.image.tokens.before", "Image tokens as sent, by technique",
                    technique, ImageTokenUsage::tokensBefore);
            imageCounter(registry, meters, "headroom.image.tokens.after", "Image tokens as forwarded, by technique",
                    technique, ImageTokenUsage::tokensAfter);
        }
        if (admission != null) {
            for (PassReason reason : PassReason.values()) {
                FunctionCounter.builder("headroom.requests.passed", meters,
                                m -> admission.passedThrough().getOrDefault(reason, 0L))
                        .description("LLM requests forwarded without a rewrite, by cause")
                        .tag("reason", reason.wireName())
                        .register(registry);
            }
        }
    }

    private static void imageCounter(MeterRegistry registry, RequestMeters meters, String name, String description,
                                     String technique, ToLongFunction<ImageTokenUsage> value) {
        FunctionCounter.builder(name, meters,
                        m -> value.applyAsLong(ImageTokenUsage.of(m.stats().images(), technique)))
                .description(description)
                .tag("technique", technique)
                .register(registry);
    }

    private static void statsCounter(MeterRegistry registry, RequestMeters meters, String name, String description,
                                     ToLongFunction<StatsSnapshot> value) {
        FunctionCounter.builder(name, meters, m -> value.applyAsLong(m.stats()))
                .description(description)
                .register(registry);
    }
}
