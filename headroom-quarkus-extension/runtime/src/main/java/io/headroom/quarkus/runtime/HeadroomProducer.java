package io.headroom.quarkus.runtime;

import io.headroom.BodyReadConfig;
import io.headroom.CompressionListener;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.InvalidConfigException;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Provides the application's single {@link Headroom}, built from {@code quarkus.headroom.*}.
 * Applications inject it (e.g. for {@code /v1/compress}); they may replace it with their own bean.
 */
@Singleton
public class HeadroomProducer {

    /**
     * How bodies are read, resolved from {@code quarkus.headroom.*} with the core's defaults: for an application
     * that reads or relays a body Headroom left unread and should bound it the same way.
     */
    @Produces
    @Singleton
    BodyReadConfig bodyReadConfig(HeadroomRuntimeConfig config) {
        return CoreConfigMapper.bodyRead(config.bodyRead());
    }

    @Produces
    @Singleton
    @DefaultBean
    Headroom headroom(HeadroomRuntimeConfig config, Instance<CompressionListener> listeners) {
        HeadroomConfig core = CoreConfigMapper.toCoreConfig(config);
        CompressionListener listener = listenerOf(listeners.stream().toList());
        // Ehcache (the CCR store) loads its optional services through the thread context class loader.
        // In dev and test mode that can be a different loader than the one that loaded the core, which
        // makes Ehcache reject its own classes; pin it to the core's loader while the store is built.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Headroom.class.getClassLoader());
        try {
            return Headroom.create(core, listener);
        } catch (InvalidConfigException e) {
            // Some options can only be checked by using them (e.g. an unusable ccr.disk-path directory).
            throw CoreConfigMapper.invalid(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    void close(@Disposes Headroom headroom) {
        headroom.close();
    }

    /** Every application bean of type CompressionListener observes; none means {@link CompressionListener#NONE}. */
    static CompressionListener listenerOf(List<CompressionListener> all) {
        if (all.isEmpty()) {
            return CompressionListener.NONE;
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        List<CompressionListener> copy = List.copyOf(all);
        return (endpoint, mode, outcome, elapsedNanos) -> {
            for (CompressionListener l : copy) {
                l.onRequest(endpoint, mode, outcome, elapsedNanos);
            }
        };
    }
}
