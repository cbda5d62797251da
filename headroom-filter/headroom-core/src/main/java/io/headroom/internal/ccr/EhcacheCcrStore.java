package io.headroom.internal.ccr;

import io.headroom.CcrConfig;
import io.headroom.CcrEntry;
import io.headroom.CcrHit;
import io.headroom.CcrStats;
import io.headroom.CcrStore;
import io.headroom.InvalidConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.ehcache.Cache;
import org.ehcache.CacheManager;
import org.ehcache.Status;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.config.units.MemoryUnit;
import org.ehcache.core.spi.time.SystemTimeSource;
import org.ehcache.core.spi.time.TimeSource;
import org.ehcache.impl.internal.TimeSourceConfiguration;

/**
 * The embedded {@link CcrStore}: originals of compressed content, keyed by {@link ContentHash}, held
 * by Ehcache with a time-to-live. Thread-safe; one per Headroom instance.
 *
 * <p>Heap only by default: at most {@code maxEntries} originals, evicted by sampled LRU beyond that.
 * With a disk path the heap tier (still {@code maxEntries}) caches the hot entries in front of a
 * persistent disk tier of {@code diskSizeMb} that holds every original, so originals survive a
 * restart provided the store was {@link #close() closed} (Ehcache discards a disk tier that was not
 * shut down cleanly). One store at a time may use a directory.
 *
 * <p>Expiry and retrieval counts live in the stored value, so both survive a restart too; the
 * {@link #stats()} counters (stored, retrievals, misses) count since this instance started.
 *
 * <p>Entries live in a scope (a tenant): a lookup finds only what was stored in the same scope, so a
 * caller who knows a hash cannot read another tenant's original. The hash itself, the one the model
 * sees in markers, is the same in every scope.
 */
public final class EhcacheCcrStore implements CcrStore {
    private static final String CACHE = "headroom-ccr";
    /** Compare-and-set rounds before giving up on a contended update (the value is then current anyway). */
    private static final int MAX_ATTEMPTS = 8;

    private final CacheManager manager;
    private final Cache<String, StoredOriginal> cache;
    private final long ttlMillis;
    private final TimeSource time;
    private final LongAdder stored = new LongAdder();
    private final LongAdder retrievals = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** A heap-only store. */
    public EhcacheCcrStore(Duration ttl, long maxEntries) {
        this(ttl, maxEntries, null, 0);
    }

    /**
     * @param diskPath   directory of the persistent tier, or null for heap only
     * @param diskSizeMb size of the disk tier (ignored without a path)
     * @throws InvalidConfigException naming {@code ccr.disk-path} when the disk tier cannot be opened (directory not
     *                           writable, or in use by another store)
     */
    public EhcacheCcrStore(Duration ttl, long maxEntries, Path diskPath, long diskSizeMb) {
        this(ttl, maxEntries, diskPath, diskSizeMb, SystemTimeSource.INSTANCE);
    }

    /**
     * As above, with the clock that decides expiry: Ehcache's and ours are the same source, so tests
     * can move time instead of sleeping.
     */
    EhcacheCcrStore(Duration ttl, long maxEntries, Path diskPath, long diskSizeMb, TimeSource time) {
        Objects.requireNonNull(ttl, "ttl");
        this.time = Objects.requireNonNull(time, "time");
        if (ttl.isZero() || ttl.isNegative() || maxEntries <= 0) {
            throw new IllegalArgumentException("CCR needs a positive ttl and max entries");
        }
        if (diskPath != null && diskSizeMb <= 0) {
            throw new IllegalArgumentException("CCR disk tier needs a positive size");
        }
        this.ttlMillis = Math.max(1, ttl.toMillis());
        ResourcePoolsBuilder pools = ResourcePoolsBuilder.heap(maxEntries);
        if (diskPath != null) {
            pools = pools.disk(diskSizeMb, MemoryUnit.MB, true);
        }
        CacheConfigurationBuilder<String, StoredOriginal> cacheConfig = CacheConfigurationBuilder
                .newCacheConfigurationBuilder(String.class, StoredOriginal.class, pools)
                .withValueSerializer(new StoredOriginalSerializer())
                .withExpiry(new StoredOriginalExpiry(time));
        ClassLoader loader = EhcacheCcrStore.class.getClassLoader();
        CacheManagerBuilder<CacheManager> builder = CacheManagerBuilder.newCacheManagerBuilder().withClassLoader(loader)
                .using(new TimeSourceConfiguration(time));
        CacheManagerBuilder<? extends CacheManager> configured = diskPath == null
                ? builder.withCache(CACHE, cacheConfig)
                : builder.with(CacheManagerBuilder.persistence(diskPath.toFile())).withCache(CACHE, cacheConfig);
        try {
            this.manager = withContextClassLoader(loader, () -> configured.build(true));
        } catch (RuntimeException e) {
            if (diskPath == null) {
                throw e;
            }
            throw new InvalidConfigException(CcrConfig.DISK_PATH,
                    "cannot open the CCR disk store at " + diskPath + " (" + rootCause(e) + ")", e);
        }
        this.cache = manager.getCache(CACHE, String.class, StoredOriginal.class);
    }

    /** The store {@code config} asks for: heap only, or heap plus disk when {@code ccr.disk-path} is set. */
    public static EhcacheCcrStore create(CcrConfig config) {
        return new EhcacheCcrStore(config.ttl(), config.maxEntries(), config.diskPath().orElse(null),
                config.diskSizeMb());
    }

    /**
     * {@inheritDoc} False only when the cache refused it: with a disk tier, an original larger than one
     * of its segments (1/16 of the disk size) cannot be stored.
     */
    @Override
    public boolean put(String scope, String hash, CcrEntry entry) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(entry, "entry");
        String key = key(scope, hash);
        long expiresAt = time.getTimeMillis() + ttlMillis;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            StoredOriginal existing = cache.putIfAbsent(key, new StoredOriginal(entry, 0, expiresAt));
            if (existing == null) {
                stored.increment();
                break;
            }
            if (cache.replace(key, existing, existing.refreshed(expiresAt))) {
                break;
            }
            // lost to a concurrent writer of the same key: try again
        }
        return cache.containsKey(key);
    }

    /** True when {@code hash} is held in {@code scope}, without counting a retrieval. */
    @Override
    public boolean contains(String scope, String hash) {
        return hash != null && cache.containsKey(key(scope, hash));
    }

    /** Looks an original up in {@code scope} only, counting a retrieval (or a miss). */
    @Override
    public Optional<CcrHit> retrieve(String scope, String hash) {
        String key = hash == null ? null : key(scope, hash);
        for (int attempt = 0; key != null && attempt < MAX_ATTEMPTS; attempt++) {
            StoredOriginal held = cache.get(key);
            if (held == null || held.expiredAt(time.getTimeMillis())) {
                break;
            }
            StoredOriginal next = held.retrieved();
            if (cache.replace(key, held, next) || attempt == MAX_ATTEMPTS - 1) {
                retrievals.increment();
                return Optional.of(new CcrHit(hash, held.entry(), next.retrievals()));
            }
        }
        misses.increment();
        return Optional.empty();
    }

    @Override
    public CcrStats stats() {
        long entries = 0;
        for (Cache.Entry<String, StoredOriginal> ignored : cache) {
            entries++; // skips expired mappings; values stay undeserialised as they are never read
        }
        return new CcrStats(entries, stored.sum(), retrievals.sum(), misses.sum());
    }

    /**
     * The cache key of (scope, hash). The shared scope keeps the bare hash (so stores written before
     * scoping, e.g. a disk tier, still resolve); any other scope is length-prefixed ({@code "<len>:<scope>:"}),
     * and a shared-scope hash that contains ':' gets the prefix of the empty scope, so no caller-supplied
     * hash can address another scope's entry.
     */
    static String key(String scope, String hash) {
        String s = scope == null ? SHARED_SCOPE : scope;
        if (s.isEmpty()) {
            return hash.indexOf(':') < 0 ? hash : "0::" + hash;
        }
        return s.length() + ":" + s + ":" + hash;
    }

    /** Closes the cache manager, which flushes and unlocks the disk tier. Idempotent. */
    @Override
    public void close() {
        if (manager.getStatus() == Status.AVAILABLE) {
            manager.close();
        }
    }

    /**
     * Ehcache finds optional services through the thread context class loader. Under Quarkus dev and
     * test mode (and in some servlet containers) that loader is not the one that loaded Ehcache, which
     * makes it reject its own service classes; pin it while the manager starts.
     */
    private static <T> T withContextClassLoader(ClassLoader loader, Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
