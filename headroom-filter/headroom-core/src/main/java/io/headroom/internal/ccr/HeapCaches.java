package io.headroom.internal.ccr;

import java.util.function.Supplier;
import org.ehcache.Cache;
import org.ehcache.CacheManager;
import org.ehcache.Status;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.spi.time.TimeSource;
import org.ehcache.impl.internal.TimeSourceConfiguration;

/** The Ehcache heap tier both embedded stores use: originals by key, each expiring at its own time. */
final class HeapCaches {
    static final String CACHE = "headroom-ccr";

    private HeapCaches() {
    }

    /** A started cache manager on {@code time}, Ehcache's clock and the store's being the same. */
    static CacheManager manager(TimeSource time) {
        ClassLoader loader = HeapCaches.class.getClassLoader();
        return withContextClassLoader(loader, () -> CacheManagerBuilder.newCacheManagerBuilder().withClassLoader(loader)
                .using(new TimeSourceConfiguration(time)).build(true));
    }

    /** A heap cache of at most {@code maxEntries} values. */
    static Cache<String, StoredOriginal> create(CacheManager manager, long maxEntries, TimeSource time) {
        return manager.createCache(CACHE, CacheConfigurationBuilder
                .newCacheConfigurationBuilder(String.class, StoredOriginal.class, ResourcePoolsBuilder.heap(maxEntries))
                .withExpiry(new StoredOriginalExpiry(time)));
    }

    /** Idempotent. */
    static void close(CacheManager manager) {
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
}
