package io.headroom;


/**
 * Observes every request the pipeline handled, e.g. to feed a metrics registry. Called on the
 * request thread after the outcome is known; implementations must be fast and must not throw.
 */
@FunctionalInterface
public interface CompressionListener {
    CompressionListener NONE = (endpoint, mode, outcome, elapsedNanos) -> { };

    void onRequest(Endpoint endpoint, Mode mode, RequestOutcome outcome, long elapsedNanos);

    /**
     * One follow-up the retrieve loop sent upstream after answering the model's {@code headroom_retrieve} calls
     * (reported through {@link Headroom#onRetrieveRound(Endpoint)}). Same rules: fast, never throws.
     */
    default void onRetrieveRound(Endpoint endpoint) {
    }

    /**
     * The Context Tracker added {@code items} items dropped earlier in the conversation ({@code tokens} tokens
     * in all) to a request's new user message, before the model asked ({@code ccr.expansion.enabled}).
     * Reported before {@link #onRequest} of the same request. Same rules: fast, never throws.
     */
    default void onProactiveExpansion(Endpoint endpoint, int items, int tokens) {
    }
}
