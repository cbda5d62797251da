package io.headroom.internal.engine;

import io.headroom.CompressionListener;
import io.headroom.Endpoint;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import io.headroom.host.HeadroomLog;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The listeners of one engine: the builder's, then those added later (a meter binder bound once the registry
 * exists). Each is guarded on its own, so one that throws neither reaches the request nor silences the others:
 * this is the one guard around listeners (the request processor calls the fan-out unguarded).
 */
final class ListenerFanOut implements CompressionListener {
    private static final HeadroomLog LOG = HeadroomLog.of(ListenerFanOut.class);

    /** Added rarely (start-up), read on every request: copy-on-write. */
    private final List<CompressionListener> listeners = new CopyOnWriteArrayList<>();

    ListenerFanOut(CompressionListener first) {
        if (first != null && first != CompressionListener.NONE) {
            listeners.add(first);
        }
    }

    void add(CompressionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void onRequest(Endpoint endpoint, Mode mode, RequestOutcome outcome, long elapsedNanos) {
        for (CompressionListener l : listeners) {
            try {
                l.onRequest(endpoint, mode, outcome, elapsedNanos);
            } catch (RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
                LOG.warn("Headroom compression listener failed: {} ({})", e.getClass().getName(), l.getClass().getName());
            }
        }
    }

    @Override
    public void onProactiveExpansion(Endpoint endpoint, int items, int tokens) {
        for (CompressionListener l : listeners) {
            try {
                l.onProactiveExpansion(endpoint, items, tokens);
            } catch (RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
                LOG.warn("Headroom compression listener failed: {} ({})", e.getClass().getName(), l.getClass().getName());
            }
        }
    }

    @Override
    public void onRetrieveRound(Endpoint endpoint) {
        for (CompressionListener l : listeners) {
            try {
                l.onRetrieveRound(endpoint);
            } catch (RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
                LOG.warn("Headroom compression listener failed: {} ({})", e.getClass().getName(), l.getClass().getName());
            }
        }
    }
}
