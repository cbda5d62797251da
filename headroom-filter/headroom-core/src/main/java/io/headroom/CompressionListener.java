package io.headroom;


/**
 * Observes every request the pipeline handled, e.g. to feed a metrics registry. Called on the
 * request thread after the outcome is known; implementations must be fast and must not throw.
 */
@FunctionalInterface
public interface CompressionListener {
    CompressionListener NONE = (endpoint, mode, outcome, elapsedNanos) -> { };

    void onRequest(Endpoint endpoint, Mode mode, RequestOutcome outcome, long elapsedNanos);
}
