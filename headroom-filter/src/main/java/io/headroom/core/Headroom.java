package io.headroom.core;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one entry point every adapter (servlet filter, Quarkus route filter, gateway endpoints) uses.
 * Thread-safe; build one per application with {@link #create(HeadroomConfig, CompressionListener)}
 * and {@link #close()} it on shutdown.
 */
public final class Headroom implements AutoCloseable {
    private final HeadroomConfig config;
    private final CompressionListener listener;

    private Headroom(HeadroomConfig config, CompressionListener listener) {
        this.config = config;
        this.listener = listener;
    }

    public static Headroom create(HeadroomConfig config) {
        return create(config, CompressionListener.NONE);
    }

    public static Headroom create(HeadroomConfig config, CompressionListener listener) {
        return new Headroom(config, listener);
    }

    public HeadroomConfig config() {
        return config;
    }

    /**
     * Rewrites one proxied request body. Never throws: any internal failure yields
     * {@link RequestOutcome#failOpen(byte[])} and one WARN log line without content.
     *
     * @param modeOverride the request's {@code x-headroom-mode}, or null for the configured mode
     */
    public RequestOutcome process(Endpoint endpoint, byte[] body, Mode modeOverride) {
        throw new UnsupportedOperationException("pipeline not wired yet");
    }

    /**
     * {@code POST /v1/compress}: {@code {messages, model, token_budget?, config?}} in OpenAI chat shape.
     *
     * @throws HeadroomException validation_error for a malformed request
     */
    public CompressResult compress(JsonNode request) {
        throw new UnsupportedOperationException("pipeline not wired yet");
    }

    /**
     * {@code POST /v1/retrieve}.
     *
     * @param query null or blank for the whole original
     * @throws HeadroomException not_found for an unknown or expired hash
     */
    public RetrieveResult retrieve(String hash, String query) {
        throw new UnsupportedOperationException("pipeline not wired yet");
    }

    /** Counters since start, for {@code /stats} and {@code /v1/retrieve/stats}. */
    public StatsSnapshot stats() {
        throw new UnsupportedOperationException("pipeline not wired yet");
    }

    @Override
    public void close() {
    }
}
