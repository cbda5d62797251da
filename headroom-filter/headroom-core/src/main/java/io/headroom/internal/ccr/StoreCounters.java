package io.headroom.internal.ccr;

import io.headroom.CcrEntry;
import io.headroom.CcrHit;
import io.headroom.CcrStats;
import io.headroom.CcrStore;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The lifetime counters a {@link CcrStore} reports in {@link CcrStats}: originals stored, retrievals
 * answered and misses. A hit and a miss are counted where the store answers, so each answer is one call.
 */
final class StoreCounters {
    private final LongAdder stored = new LongAdder();
    private final LongAdder retrievals = new LongAdder();
    private final LongAdder misses = new LongAdder();

    void stored() {
        stored.increment();
    }

    /** Counts a retrieval and answers it. */
    Optional<CcrHit> hit(String hash, CcrEntry entry, long timesRetrieved) {
        retrievals.increment();
        return Optional.of(new CcrHit(hash, entry, timesRetrieved));
    }

    /** Counts a miss and answers it. */
    Optional<CcrHit> miss() {
        misses.increment();
        return Optional.empty();
    }

    /** The store's stats with these counters and the tiers' own figures. */
    CcrStats stats(long entries, long bytes, long evicted, long refused) {
        return new CcrStats(entries, stored.sum(), retrievals.sum(), misses.sum(), bytes, evicted, refused);
    }
}
