package io.headroom.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.core.ccr.CcrHit;
import io.headroom.core.ccr.CcrStats;
import io.headroom.core.ccr.CcrStore;
import io.headroom.core.pipeline.CompressRequest;
import io.headroom.core.pipeline.Pipeline;
import io.headroom.core.pipeline.PipelineResult;
import io.headroom.core.pipeline.RequestCounters;
import io.headroom.core.pipeline.RequestProcessor;
import io.headroom.core.pipeline.ToolOutputRouter;
import io.headroom.core.route.ContentRouter;
import io.headroom.core.simulate.CompressMode;
import io.headroom.core.simulate.SimulationPlan;
import io.headroom.core.simulate.Simulator;
import io.headroom.core.tokens.TokenCounter;
import io.headroom.core.wire.JsonCodec;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The one entry point every adapter (servlet filter, Quarkus route filter, gateway endpoints) uses.
 * Thread-safe; build one per application with {@link #create(HeadroomConfig, CompressionListener)}
 * and {@link #close()} it on shutdown.
 */
public final class Headroom implements AutoCloseable {
    private final HeadroomConfig config;
    private final CcrStore ccr;
    private final Pipeline pipeline;
    private final RequestProcessor processor;
    private final RequestCounters counters = new RequestCounters();
    private final Simulator simulator;

    /** Package-private so tests can put a failing router in; adapters use {@link #create}. */
    Headroom(HeadroomConfig config, CompressionListener listener, ToolOutputRouter router) {
        this.config = Objects.requireNonNull(config, "config");
        this.ccr = CcrStore.create(config);
        TokenCounter tokens = new TokenCounter();
        this.pipeline = new Pipeline(config, tokens, ccr, router, Clock.systemUTC());
        this.simulator = new Simulator(config, tokens, pipeline);
        this.processor = new RequestProcessor(config, new JsonCodec(config.maxBodyBytes()), pipeline,
                listener == null ? CompressionListener.NONE : listener, counters);
    }

    public static Headroom create(HeadroomConfig config) {
        return create(config, CompressionListener.NONE);
    }

    public static Headroom create(HeadroomConfig config, CompressionListener listener) {
        return new Headroom(config, listener, ContentRouter.create(config)::route);
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
        return process(endpoint, body, modeOverride, TenantScope.SHARED);
    }

    /**
     * As {@link #process(Endpoint, byte[], Mode)}, storing the originals in the caller's CCR scope: only
     * {@link #retrieve(String, String, String)} with the same scope finds them. The markers the model sees
     * carry the plain content hash either way.
     *
     * @param tenantScope see {@link TenantScope}; "" (or null) is the shared scope of the other overloads
     */
    public RequestOutcome process(Endpoint endpoint, byte[] body, Mode modeOverride, String tenantScope) {
        return processor.process(endpoint, body, modeOverride, TenantScope.orShared(tenantScope));
    }

    /**
     * {@code POST /v1/compress}: {@code {messages, model, token_budget?, config?}} in OpenAI chat shape.
     * The configured mode governs the proxied path only; here {@code config.default_mode} (alias
     * {@code config.mode}) decides: optimize (default) compresses and stores originals in CCR when it
     * is enabled; audit and simulate measure what optimize would save and return the original messages,
     * storing nothing (see {@link #simulate} for the full plan). The request node is not modified.
     *
     * @throws HeadroomException validation_error for a malformed request
     */
    public CompressResult compress(JsonNode request) {
        return compress(request, TenantScope.SHARED);
    }

    /** As {@link #compress(JsonNode)}, storing the originals in the caller's CCR scope. */
    public CompressResult compress(JsonNode request, String tenantScope) {
        CompressRequest req = CompressRequest.from(request);
        boolean apply = CompressMode.of(request) == CompressMode.OPTIMIZE;
        // token_budget (else the model's limit minus the output buffer) is enforced by context
        // management in the pipeline. Per-request 'config' overrides are accepted and not applied yet.
        ObjectNode chat = JsonNodeFactory.instance.objectNode();
        chat.put("model", req.model());
        chat.set("messages", req.messages().deepCopy());
        PipelineResult r;
        try {
            r = pipeline.run(Endpoint.OPENAI_CHAT, chat, apply, req.tokenBudget(), TenantScope.orShared(tenantScope));
        } catch (RuntimeException e) {
            throw new HeadroomException(ErrorType.TRANSFORM_ERROR,
                    "compression failed: " + e.getClass().getSimpleName(), e);
        }
        if (!apply) {
            return new CompressResult(req.messages(), r.tokensBefore(), r.tokensAfter(), r.transformsApplied(), List.of());
        }
        return new CompressResult(chat.get("messages"), r.tokensBefore(), r.tokensAfter(),
                r.transformsApplied(), r.ccrHashes());
    }

    /**
     * {@code POST /v1/compress} in simulate mode: the plan of what optimize would do to {@code request}
     * (totals, transforms, waste signals, per-block breakdown) without applying or storing anything.
     *
     * @throws HeadroomException validation_error for a malformed request or mode
     */
    public SimulationPlan simulate(JsonNode request) {
        CompressRequest req = CompressRequest.from(request);
        CompressMode.of(request); // a malformed mode is refused here too, whichever mode routed the request
        try {
            return simulator.simulate(req);
        } catch (RuntimeException e) {
            throw new HeadroomException(ErrorType.TRANSFORM_ERROR,
                    "simulation failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * {@code POST /v1/retrieve}.
     *
     * @param query null or blank for the whole original
     * @throws HeadroomException not_found for an unknown or expired hash
     */
    public RetrieveResult retrieve(String hash, String query) {
        return retrieve(hash, query, TenantScope.SHARED);
    }

    /**
     * As {@link #retrieve(String, String)}, looking only in the caller's CCR scope: an original stored
     * for another scope is not_found here, exactly like an unknown hash.
     */
    public RetrieveResult retrieve(String hash, String query, String tenantScope) {
        if (hash == null || hash.isBlank()) {
            throw new HeadroomException(ErrorType.VALIDATION_ERROR, "'hash' is required");
        }
        String key = hash.strip().toLowerCase(java.util.Locale.ROOT); // keys are lower-case hex
        CcrHit hit = ccr.retrieve(TenantScope.orShared(tenantScope), key).orElseThrow(() -> new HeadroomException(ErrorType.NOT_FOUND,
                "no original stored under hash " + key + " (unknown or expired)"));
        boolean search = query != null && !query.isBlank();
        List<String> matches = search ? ccr.search(hit, query) : List.of();
        var e = hit.entry();
        return new RetrieveResult(key, e.original(), e.originalTokens(), e.originalItemCount(),
                e.compressedItemCount(), e.toolName(), hit.retrievalCount(), search ? query : null, matches);
    }

    /** Counters since start, for {@code /stats} and {@code /v1/retrieve/stats}. */
    public StatsSnapshot stats() {
        CcrStats c = ccr.stats();
        return new StatsSnapshot(counters.total(), counters.compressed(), counters.failedOpen(),
                counters.tokensBefore(), counters.tokensAfter(),
                c.entries(), c.stored(), c.retrievals(), c.misses());
    }

    /**
     * Readiness probe: stores a tiny marker original in the CCR store and checks it is held. The
     * marker lives under one fixed key, so probing repeatedly never grows the store. Never throws.
     */
    public boolean storeUsable() {
        try {
            String key = "headroom-readiness-probe";
            ccr.put(key, new io.headroom.core.ccr.CcrEntry("probe", 1, 0, 0, null, java.time.Instant.now()));
            return ccr.contains(key);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        ccr.close();
    }
}
