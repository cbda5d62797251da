package io.headroom;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The one entry point every host (servlet filter, Quarkus route filter, JAX-RS, Vert.x, the gateway's
 * endpoints) uses. Thread-safe; build one per application and {@link #close()} it on shutdown:
 *
 * <pre>{@code
 * Headroom headroom = Headroom.builder(HeadroomConfig.builder().build())
 *         .listener(myMetrics)            // optional
 *         .ccrStore(myStore)              // optional: the embedded Ehcache store otherwise
 *         .build();
 * }</pre>
 */
public interface Headroom extends AutoCloseable {

    static Headroom create(HeadroomConfig config) {
        return builder(config).build();
    }

    static Headroom create(HeadroomConfig config, CompressionListener listener) {
        return builder(config).listener(listener).build();
    }

    static Builder builder(HeadroomConfig config) {
        return new Builder(config);
    }

    HeadroomConfig config();

    /**
     * Rewrites one proxied request body. Never throws: any internal failure yields
     * {@link RequestOutcome#failOpen(byte[])} and one WARN log line without content.
     *
     * @param modeOverride the request's {@code x-headroom-mode}, or null for the configured mode
     */
    RequestOutcome process(Endpoint endpoint, byte[] body, Mode modeOverride);

    /**
     * As {@link #process(Endpoint, byte[], Mode)}, storing the originals in the caller's CCR scope: only
     * {@link #retrieve(String, String, String)} with the same scope finds them. The markers the model sees
     * carry the plain content hash either way.
     *
     * @param tenantScope a caller scope (see {@code io.headroom.host.TenantScope}); "" (or null) is the
     *                    shared scope of the other overloads
     */
    RequestOutcome process(Endpoint endpoint, byte[] body, Mode modeOverride, String tenantScope);

    /**
     * {@code POST /v1/compress}: {@code {messages, model, token_budget?, config?}}, the messages in OpenAI chat
     * shape or, as the original accepts them, in Anthropic Messages shape ({@code tool_use}/{@code tool_result}
     * blocks, optional top-level {@code system} that is neither counted nor returned); they come back in their shape.
     * The configured mode governs the proxied path only; here {@code config.default_mode} (alias
     * {@code config.mode}) decides: optimize (default) compresses and stores originals in CCR when it
     * is enabled; audit and simulate measure what optimize would save and return the original messages,
     * storing nothing (see {@link #simulate} for the full plan). The request node is not modified.
     *
     * @throws HeadroomException validation_error for a malformed request
     */
    CompressResult compress(JsonNode request);

    /** As {@link #compress(JsonNode)}, storing the originals in the caller's CCR scope. */
    CompressResult compress(JsonNode request, String tenantScope);

    /**
     * {@code POST /v1/compress} in simulate mode: the plan of what optimize would do to {@code request}
     * (totals, transforms, waste signals, per-block breakdown) without applying or storing anything.
     *
     * @throws HeadroomException validation_error for a malformed request or mode
     */
    SimulationPlan simulate(JsonNode request);

    /**
     * {@code POST /v1/retrieve}.
     *
     * @param query null or blank for the whole original
     * @throws HeadroomException not_found for an unknown or expired hash
     */
    RetrieveResult retrieve(String hash, String query);

    /**
     * As {@link #retrieve(String, String)}, looking only in the caller's CCR scope: an original stored
     * for another scope is not_found here, exactly like an unknown hash.
     */
    RetrieveResult retrieve(String hash, String query, String tenantScope);

    /** Counters since start, for {@code /stats} and {@code /v1/retrieve/stats}. */
    StatsSnapshot stats();

    /**
     * What was learned from the model's retrievals (TOIN): stats, per-signature patterns, reset, export and
     * import. {@link Learning#OFF} when {@code learning.enabled=false} (and from implementations without learning).
     */
    default Learning learning() {
        return Learning.OFF;
    }

    /**
     * Adds a listener after the instance was built, e.g. a meter binder bound once the application's metrics
     * registry exists. It sees the requests processed from now on, after the builder's listener.
     *
     * @throws UnsupportedOperationException from implementations that only take listeners at build time
     */
    default void addListener(CompressionListener listener) {
        throw new UnsupportedOperationException(getClass().getName() + " takes listeners only at build time");
    }

    /**
     * Reported by the retrieve loop once per follow-up it sends upstream after answering the model's
     * {@code headroom_retrieve} calls: counted in {@link StatsSnapshot#retrieveRounds()} and passed to the
     * listeners ({@link CompressionListener#onRetrieveRound(Endpoint)}). Never throws.
     */
    default void onRetrieveRound(Endpoint endpoint) {
    }

    /**
     * Readiness probe: stores a tiny marker original in the CCR store and checks it is held. The
     * marker lives under one fixed key, so probing repeatedly never grows the store. Never throws.
     */
    boolean storeUsable();

    /** Releases the CCR store (flushing its disk tier). No checked exception. */
    @Override
    void close();

    /** Assembles a {@link Headroom}; each setting is checked when it is set. */
    final class Builder {
        private final HeadroomConfig config;
        private CompressionListener listener = CompressionListener.NONE;
        private CcrStore ccrStore;

        private Builder(HeadroomConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** Observes every request (metrics); {@link CompressionListener#NONE} by default. */
        public Builder listener(CompressionListener listener) {
            this.listener = listener == null ? CompressionListener.NONE : listener;
            return this;
        }

        /**
         * The CCR store to keep originals in, instead of the embedded Ehcache store the config describes.
         * The built {@link Headroom} closes it on {@link Headroom#close()}.
         */
        public Builder ccrStore(CcrStore store) {
            this.ccrStore = Objects.requireNonNull(store, "store");
            return this;
        }

        public Headroom build() {
            return EngineBinding.create(config, listener, ccrStore);
        }
    }
}
