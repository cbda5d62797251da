package io.headroom;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Plain Java entry point for routers and gateways that hold LLM request bodies themselves (no servlet,
 * JAX-RS or Vert.x in between): hand over the bytes and the path they are posted to, get back the
 * bytes to forward plus the metrics.
 *
 * <pre>{@code
 * try (HeadroomCompressor headroom = HeadroomCompressor.create(HeadroomConfig.builder().build())) {
 *     Compression c = headroom.compress(body, "/v1/chat/completions");
 *     upstream.send(c.body());
 *     log.info("saved {} tokens", c.tokensSaved());
 * }
 * }</pre>
 *
 * <p>Like every adapter it fails open: {@code compress} never throws for a body Headroom cannot
 * handle (not JSON, unknown shape, internal error); it returns the original bytes with
 * {@code compressed == false}. Only a path that addresses no supported endpoint is rejected, since
 * that is a programming error on the caller's side. Thread-safe.
 */
public final class HeadroomCompressor implements AutoCloseable {
    private final Headroom headroom;
    private final boolean owned;

    private HeadroomCompressor(Headroom headroom, boolean owned) {
        this.headroom = headroom;
        this.owned = owned;
    }

    /** A compressor with its own {@link Headroom}, released by {@link #close()}. */
    public static HeadroomCompressor create(HeadroomConfig config) {
        return new HeadroomCompressor(Headroom.create(Objects.requireNonNull(config, "config")), true);
    }

    /** A compressor over an existing {@link Headroom} (shared CCR store and stats); {@link #close()} leaves it open. */
    public static HeadroomCompressor wrap(Headroom headroom) {
        return new HeadroomCompressor(Objects.requireNonNull(headroom, "headroom"), false);
    }

    /**
     * Compresses a request body posted to {@code endpointPath} (matched on its suffix, so
     * {@code /openai/v1/chat/completions} works), in the configured mode.
     *
     * @throws IllegalArgumentException when the path addresses none of the supported endpoints
     */
    public Compression compress(byte[] requestBody, String endpointPath) {
        return compress(requestBody, endpointFor(endpointPath), null);
    }

    /** Compresses a request body of the given shape in the configured mode. */
    public Compression compress(byte[] requestBody, Endpoint endpoint) {
        return compress(requestBody, endpoint, null);
    }

    /**
     * Compresses a request body of the given shape.
     *
     * @param mode overrides the configured mode for this call; null keeps it
     */
    public Compression compress(byte[] requestBody, Endpoint endpoint, Mode mode) {
        Objects.requireNonNull(requestBody, "requestBody");
        Objects.requireNonNull(endpoint, "endpoint");
        long start = System.nanoTime();
        RequestOutcome o = headroom.process(endpoint, requestBody, mode);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Compression(endpoint, o.body(), o.bodyChanged(), o.tokensBefore(), o.tokensAfter(),
                o.transformsApplied(), o.ccrHashes(), o.failedOpen(), elapsed);
    }

    /** The Headroom behind this compressor, e.g. for {@code retrieve} of CCR originals or {@code stats}. */
    public Headroom headroom() {
        return headroom;
    }

    /** The endpoint a path addresses. */
    public static Endpoint endpointFor(String endpointPath) {
        return Endpoint.forPath(endpointPath).orElseThrow(() -> new IllegalArgumentException(
                "'" + endpointPath + "' is not a supported LLM endpoint; supported paths: "
                        + Arrays.stream(Endpoint.values()).map(Endpoint::path).collect(Collectors.joining(", "))));
    }

    @Override
    public void close() {
        if (owned) {
            headroom.close();
        }
    }
}
