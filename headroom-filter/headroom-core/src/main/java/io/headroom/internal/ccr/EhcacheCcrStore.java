package io.headroom.internal.ccr;

import io.headroom.CcrConfig;
import io.headroom.CcrEntry;
import io.headroom.CcrHit;
import io.headroom.CcrStats;
import io.headroom.CcrStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.ehcache.Cache;
import org.ehcache.CacheManager;
import org.ehcache.core.spi.time.SystemTimeSource;
import org.ehcache.core.spi.time.TimeSource;

/**
 * The heap-only {@link CcrStore}: originals of compressed content, keyed by {@link ContentHash}, held by
 * Ehcache with a time-to-live. Thread-safe; one per Headroom instance. Originals do not survive a restart
 * (see {@link PersistentCcrStore} for {@code ccr.disk-path}).
 *
 * <p>Entries live in a scope (a tenant): a lookup finds only what was stored in the same scope, so a
 * caller who knows a hash cannot read another tenant's original. The hash itself, the one the model
 * sees in markers, is the same in every scope.
 *
 * <p>Capacity is decided by a {@link HeapLedger}, not by Ehcache's own eviction (whose sampled LRU would
 * pick any scope's entry): a scope over its {@link ScopeQuota} evicts its own least recently used
 * originals, and when {@code maxEntries} are held a new original is refused (the pipeline then forwards
 * that output uncompressed). The cache is sized to {@code maxEntries}, which the ledger never exceeds, so
 * Ehcache never evicts on its own.
 */
public final class EhcacheCcrStore implements CcrStore {
    private final CacheManager manager;
    private final Cache<String, StoredOriginal> cache;
    private final long ttlMillis;
    private final TimeSource time;
    private final HeapLedger ledger;
    /** Guards the ledger together with the cache writes, so they always agree. */
    private final ReentrantLock lock = new ReentrantLock();
    private final StoreCounters counters = new StoreCounters();

    /** A store without scope quotas (every scope may use all {@code maxEntries}). */
    public EhcacheCcrStore(Duration ttl, long maxEntries) {
        this(ttl, maxEntries, ScopeQuota.NONE, SystemTimeSource.INSTANCE);
    }

    /**
     * @param time the clock that decides expiry: Ehcache's and ours are the same source, so tests can move
     *             time instead of sleeping
     */
    EhcacheCcrStore(Duration ttl, long maxEntries, ScopeQuota quota, TimeSource time) {
        Objects.requireNonNull(ttl, "ttl");
        this.time = Objects.requireNonNull(time, "time");
        if (ttl.isZero() || ttl.isNegative() || maxEntries <= 0) {
            throw new IllegalArgumentException("CCR needs a positive ttl and max entries");
        }
        this.ttlMillis = Math.max(1, ttl.toMillis());
        this.ledger = new HeapLedger(quota, maxEntries);
        this.manager = HeapCaches.manager(time);
        this.cache = HeapCaches.create(manager, maxEntries, time);
    }

    /** The heap-only store {@code config} describes, with its scope quotas. */
    public static EhcacheCcrStore create(CcrConfig config) {
        return new EhcacheCcrStore(config.ttl(), config.maxEntries(), ScopeQuota.of(config), SystemTimeSource.INSTANCE);
    }

    /**
     * {@inheritDoc} False when the original alone exceeds its scope's byte quota, or when the store holds
     * {@code maxEntries} originals and the caller's scope has none it could give up for it.
     */
    @Override
    public boolean put(String scope, String hash, CcrEntry entry) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(entry, "entry");
        String s = scope == null ? SHARED_SCOPE : scope;
        String key = key(s, hash);
        long size = StoredOriginalSerializer.encodedSize(entry);
        lock.lock();
        try {
            long now = time.getTimeMillis();
            long expiresAt = now + ttlMillis;
            HeapLedger.Admission admission = ledger.admit(s, key, size, expiresAt, now);
            admission.dropped().forEach(cache::remove);
            if (!admission.held()) {
                return false;
            }
            StoredOriginal existing = cache.get(key);
            if (existing != null) {
                cache.put(key, existing.refreshed(expiresAt));
            } else {
                cache.put(key, new StoredOriginal(entry, 0, expiresAt));
                counters.stored();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** True when {@code hash} is held in {@code scope}, without counting a retrieval. */
    @Override
    public boolean contains(String scope, String hash) {
        return hash != null && cache.containsKey(key(scope, hash));
    }

    /** Looks an original up in {@code scope} only, counting a retrieval (or a miss). */
    @Override
    public Optional<CcrHit> retrieve(String scope, String hash) {
        if (hash != null) {
            String key = key(scope, hash);
            lock.lock();
            try {
                StoredOriginal held = cache.get(key);
                if (held != null && !held.expiredAt(time.getTimeMillis())) {
                    StoredOriginal next = held.retrieved();
                    cache.put(key, next);
                    ledger.touch(key);
                    return counters.hit(hash, held.entry(), next.retrievals());
                }
            } finally {
                lock.unlock();
            }
        }
        return counters.miss();
    }

    /** As {@link #retrieve} without counting or touching anything: the entry if held and not expired. */
    @Override
    public Optional<CcrEntry> peek(String scope, String hash) {
        if (hash == null) {
            return Optional.empty();
        }
        lock.lock();
        try {
            StoredOriginal held = cache.get(key(scope, hash));
            return held == null || held.expiredAt(time.getTimeMillis()) ? Optional.empty() : Optional.of(held.entry());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public CcrStats stats() {
        lock.lock();
        try {
            java.util.List<String> expired = new java.util.ArrayList<>();
            ledger.purgeExpired(time.getTimeMillis(), expired);
            expired.forEach(cache::remove);
            return counters.stats(ledger.entries(), ledger.bytes(), ledger.evicted(), ledger.refused());
        } finally {
            lock.unlock();
        }
    }

    /**
     * The cache key of (scope, hash). The shared scope keeps the bare hash; any other scope is
     * length-prefixed ({@code "<len>:<scope>:"}), and a shared-scope hash that contains ':' gets the prefix
     * of the empty scope, so no caller-supplied hash can address another scope's entry.
     */
    static String key(String scope, String hash) {
        String s = scope == null ? SHARED_SCOPE : scope;
        if (s.isEmpty()) {
            return hash.indexOf(':') < 0 ? hash : "0::" + hash;
        }
        return s.length() + ":" + s + ":" + hash;
    }

    /** Closes the cache manager. Idempotent. */
    @Override
    public void close() {
        HeapCaches.close(manager);
    }
}
