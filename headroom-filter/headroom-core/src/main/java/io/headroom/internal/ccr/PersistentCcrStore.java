package io.headroom.internal.ccr;

import io.headroom.CcrConfig;
import io.headroom.CcrDiskSync;
import io.headroom.CcrEntry;
import io.headroom.CcrHit;
import io.headroom.CcrStats;
import io.headroom.CcrStore;
import io.headroom.host.HeadroomLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ehcache.Cache;
import org.ehcache.CacheManager;
import org.ehcache.core.spi.time.SystemTimeSource;
import org.ehcache.core.spi.time.TimeSource;

/**
 * The {@link CcrStore} of {@code ccr.disk-path}: an Ehcache heap tier in front of a crash-safe SQLite tier
 * ({@link SqliteTier}). The SQLite tier is the store of record: a put is acknowledged only after its row
 * committed, a retrieval's count is committed before it is answered, and quotas and the global size cap are
 * decided there. The heap tier only saves reading (and decoding) hot originals back from the database:
 * read-through on a miss, and losing any of it (eviction, restart) loses nothing.
 *
 * <p>Thread-safe; one per directory and process (a second one is refused at start-up).
 */
public final class PersistentCcrStore implements CcrStore {
    private static final HeadroomLog LOG = HeadroomLog.of(PersistentCcrStore.class);

    private final SqliteTier disk;
    private final CacheManager manager;
    private final Cache<String, StoredOriginal> heap;
    private final StoredOriginalSerializer serializer = new StoredOriginalSerializer();
    private final long ttlMillis;
    private final TimeSource time;
    private final StoreCounters counters = new StoreCounters();

    /**
     * @param heapEntries  originals the heap tier caches
     * @param maxDiskBytes bytes of originals the SQLite tier holds before it refuses new ones
     * @throws io.headroom.InvalidConfigException naming {@code ccr.disk-path} when the database cannot be opened
     */
    PersistentCcrStore(Duration ttl, long heapEntries, Path dir, long maxDiskBytes, CcrDiskSync sync, ScopeQuota quota,
                       TimeSource time) {
        Objects.requireNonNull(ttl, "ttl");
        this.time = Objects.requireNonNull(time, "time");
        if (ttl.isZero() || ttl.isNegative() || heapEntries <= 0 || maxDiskBytes <= 0) {
            throw new IllegalArgumentException("CCR needs a positive ttl, heap size and disk size");
        }
        this.ttlMillis = Math.max(1, ttl.toMillis());
        this.disk = SqliteTier.open(dir, sync, quota, maxDiskBytes, time);
        this.manager = HeapCaches.manager(time);
        this.heap = HeapCaches.create(manager, heapEntries, time);
    }

    /** The store {@code config} describes; it must have a disk path. */
    public static PersistentCcrStore create(CcrConfig config) {
        Path dir = config.diskPath().orElseThrow(() -> new IllegalArgumentException("no " + CcrConfig.DISK_PATH));
        return new PersistentCcrStore(config.ttl(), config.maxEntries(), dir, config.diskSizeMb() * 1024 * 1024,
                config.diskSync(), ScopeQuota.of(config), SystemTimeSource.INSTANCE);
    }

    /**
     * {@inheritDoc} True only after the original's row committed to the database. False when the original
     * alone exceeds its scope's byte quota, when the disk tier is full of live originals (no other scope's
     * are evicted for it), or when the write failed.
     */
    @Override
    public boolean put(String scope, String hash, CcrEntry entry) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(entry, "entry");
        String s = scope == null ? SHARED_SCOPE : scope;
        long expiresAt = time.getTimeMillis() + ttlMillis;
        SqliteTier.PutOutcome outcome = disk.put(s, hash, serializer.entryBytes(entry), expiresAt);
        outcome.dropped().forEach(heap::remove);
        if (!outcome.held()) {
            return false;
        }
        if (outcome.added()) {
            counters.stored();
        }
        heap.put(EhcacheCcrStore.key(s, hash), new StoredOriginal(entry, 0, expiresAt));
        return true;
    }

    @Override
    public boolean contains(String scope, String hash) {
        return hash != null && disk.contains(scope == null ? SHARED_SCOPE : scope, hash);
    }

    /**
     * Counts the retrieval in the database (so counts survive restarts) and answers from the heap tier when
     * it has the original, else from the database.
     */
    @Override
    public Optional<CcrHit> retrieve(String scope, String hash) {
        if (hash != null) {
            String s = scope == null ? SHARED_SCOPE : scope;
            String key = EhcacheCcrStore.key(s, hash);
            StoredOriginal cached = heap.get(key);
            Optional<SqliteTier.Hit> hit = disk.retrieve(s, hash, cached == null);
            if (hit.isPresent()) {
                CcrEntry entry = cached != null ? cached.entry() : decode(hit.get().value());
                if (entry != null) {
                    if (cached == null) {
                        heap.put(key, new StoredOriginal(entry, 0, hit.get().expiresAt()));
                    }
                    return counters.hit(hash, entry, hit.get().retrievals());
                }
            } else if (cached != null) {
                heap.remove(key); // expired or evicted on disk since it was cached
            }
        }
        return counters.miss();
    }

    /**
     * Without counting when the heap holds the entry and the disk tier confirms it is live; otherwise a
     * counted {@link #retrieve} (the disk tier reads values only on its counting path).
     */
    @Override
    public Optional<CcrEntry> peek(String scope, String hash) {
        if (hash == null) {
            return Optional.empty();
        }
        String s = scope == null ? SHARED_SCOPE : scope;
        StoredOriginal cached = heap.get(EhcacheCcrStore.key(s, hash));
        if (cached != null && disk.contains(s, hash)) {
            return Optional.of(cached.entry());
        }
        return retrieve(s, hash).map(CcrHit::entry);
    }

    private CcrEntry decode(byte[] value) {
        try {
            return serializer.entry(value);
        } catch (RuntimeException e) {
            LOG.warn("CCR persistent tier: a stored value could not be decoded ({}); answered as unknown",
                    e.getClass().getSimpleName());
            return null;
        }
    }

    @Override
    public CcrStats stats() {
        List<String> expired = new ArrayList<>();
        long[] u = disk.usage(expired);
        expired.forEach(heap::remove);
        return counters.stats(u[0], u[1], u[2], u[3]);
    }

    /** Closes the database (its WAL is checkpointed) and the heap tier, and releases the directory. Idempotent. */
    @Override
    public void close() {
        HeapCaches.close(manager);
        if (!disk.isClosed()) {
            disk.close();
        }
    }
}
