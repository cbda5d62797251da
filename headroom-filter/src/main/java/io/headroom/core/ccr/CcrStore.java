package io.headroom.core.ccr;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.ehcache.Cache;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ExpiryPolicyBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;

/**
 * Compress-Cache-Retrieve store: originals of compressed tool outputs, keyed by
 * {@link ContentHash}, held on the heap by Ehcache with a time-to-live and a maximum entry count
 * (beyond it Ehcache evicts by sampled LRU). Thread-safe; one per Headroom instance.
 */
public final class CcrStore implements AutoCloseable {
    private static final String CACHE = "headroom-ccr";

    /** The cached value: the entry plus its retrieval counter, which lives and expires with it. */
    private record Held(CcrEntry entry, AtomicLong retrievals) { }

    private final CacheManager manager;
    private final Cache<String, Held> cache;
    private final ItemSearch search = new ItemSearch();
    private final LongAdder stored = new LongAdder();
    private final LongAdder retrievals = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public CcrStore(Duration ttl, long maxEntries) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isZero() || ttl.isNegative() || maxEntries <= 0) {
            throw new IllegalArgumentException("CCR needs a positive ttl and max entries");
        }
        this.manager = CacheManagerBuilder.newCacheManagerBuilder()
                .withCache(CACHE, CacheConfigurationBuilder
                        .newCacheConfigurationBuilder(String.class, Held.class, ResourcePoolsBuilder.heap(maxEntries))
                        .withExpiry(ExpiryPolicyBuilder.timeToLiveExpiration(ttl)))
                .build(true);
        this.cache = manager.getCache(CACHE, String.class, Held.class);
    }

    /**
     * Stores {@code entry} under {@code hash}. If the key is already held (the same original sent
     * again, as in every later turn of a conversation) its time-to-live restarts and its retrieval
     * count is kept.
     */
    public void put(String hash, CcrEntry entry) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(entry, "entry");
        Held existing = cache.putIfAbsent(hash, new Held(entry, new AtomicLong()));
        if (existing == null) {
            stored.increment();
        } else {
            cache.replace(hash, existing); // an update restarts the time-to-live
        }
    }

    /** True when {@code hash} is held, without counting a retrieval. */
    public boolean contains(String hash) {
        return hash != null && cache.containsKey(hash);
    }

    /** Looks an original up, counting a retrieval (or a miss). */
    public Optional<CcrHit> retrieve(String hash) {
        Held held = hash == null ? null : cache.get(hash);
        if (held == null) {
            misses.increment();
            return Optional.empty();
        }
        retrievals.increment();
        return Optional.of(new CcrHit(hash, held.entry(), held.retrievals().incrementAndGet()));
    }

    /** The items of a retrieved original that match {@code query}, best first (BM25). */
    public List<String> search(CcrHit hit, String query) {
        return search.search(hit.entry().original(), query);
    }

    /** Retrieves {@code hash} and searches it; empty when the key is unknown or expired. */
    public Optional<List<String>> search(String hash, String query) {
        return retrieve(hash).map(hit -> search(hit, query));
    }

    public CcrStats stats() {
        long entries = 0;
        for (Cache.Entry<String, Held> ignored : cache) {
            entries++; // the iterator skips expired mappings; bounded by max entries
        }
        return new CcrStats(entries, stored.sum(), retrievals.sum(), misses.sum());
    }

    @Override
    public void close() {
        if (manager.getStatus() == org.ehcache.Status.AVAILABLE) {
            manager.close();
        }
    }
}
