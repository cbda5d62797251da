package io.headroom.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CcrEntry;
import io.headroom.CcrHit;
import io.headroom.CcrStats;
import io.headroom.CcrStore;
import io.headroom.CompressMode;
import io.headroom.CompressResult;
import io.headroom.CompressionListener;
import io.headroom.Endpoint;
import io.headroom.ErrorType;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.HeadroomException;
import io.headroom.ImageOutcome;
import io.headroom.Learning;
import io.headroom.LearningStats;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import io.headroom.RetrieveResult;
import io.headroom.SimulationPlan;
import io.headroom.StatsSnapshot;
import io.headroom.host.JsonCodec;
import io.headroom.host.TenantScope;
import io.headroom.internal.ccr.CcrStores;
import io.headroom.internal.ccr.ContentHash;
import io.headroom.internal.ccr.ItemSearch;
import io.headroom.internal.expansion.ProactiveExpansion;
import io.headroom.internal.image.ImageOutcomes;
import io.headroom.internal.crush.CrushHints;
import io.headroom.internal.learn.Learners;
import io.headroom.internal.learn.PeriodicSave;
import io.headroom.internal.learn.Toin;
import io.headroom.internal.limits.Deadline;
import io.headroom.internal.limits.DeadlineExceeded;
import io.headroom.internal.pipeline.CompressOptions;
import io.headroom.internal.pipeline.CompressRequest;
import io.headroom.internal.pipeline.Pipeline;
import io.headroom.internal.pipeline.PipelineResult;
import io.headroom.internal.pipeline.RequestCounters;
import io.headroom.internal.pipeline.RequestProcessor;
import io.headroom.internal.pipeline.ToolOutputRouter;
import io.headroom.internal.route.ContentRouter;
import io.headroom.internal.simulate.Simulator;
import io.headroom.internal.tokens.TokenCounter;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The implementation behind the {@link Headroom} facade: wires the pipeline stages, the CCR store and
 * the counters. Built through {@code Headroom.builder(config).build()}, which finds it by name (see
 * {@code io.headroom.EngineBinding}).
 */
public final class HeadroomEngine implements Headroom {
    private static final io.headroom.host.HeadroomLog LOG = io.headroom.host.HeadroomLog.of(HeadroomEngine.class);

    private final HeadroomConfig config;
    private final CcrStore ccr;
    private final Pipeline pipeline;
    private final RequestProcessor processor;
    private final RequestCounters counters = new RequestCounters();
    private final ListenerFanOut listeners;
    private final Simulator simulator;

    private final ItemSearch search = new ItemSearch();
    /** Learning from retrievals, or null when {@code learning.enabled=false}. */
    private final Toin toin;
    private final PeriodicSave saver;

    /** Package-private so tests can put a failing router in; hosts use {@code Headroom.builder}. */
    HeadroomEngine(HeadroomConfig config, CompressionListener listener, ToolOutputRouter router, CcrStore store) {
        this(config, listener, c -> router, store);
    }

    private HeadroomEngine(HeadroomConfig config, CompressionListener listener,
                           java.util.function.Function<CrushHints.Source, ToolOutputRouter> routerFor, CcrStore store) {
        this.config = Objects.requireNonNull(config, "config");
        this.ccr = store != null ? store : CcrStores.create(config.ccr());
        // after the store: a store shared by the fleet (Redis) may keep the learned state too
        this.toin = config.learning().enabled() ? Learners.toin(config, ccr) : null;
        // memory-only learning has nothing to save: no thread for it
        this.saver = toin == null || !toin.persistent() ? null
                : new PeriodicSave(toin, config.learning().saveIntervalSeconds());
        TokenCounter tokens = new TokenCounter().preload(); // not on the first request's deadline
        ToolOutputRouter router = routerFor.apply(toin == null ? CrushHints.Source.NONE : toin);
        this.pipeline = new Pipeline(config, tokens, ccr, router, Clock.systemUTC(),
                ImageAnalysisAssembly.production(config.image()), toin);
        this.simulator = new Simulator(config.cacheAligner(), tokens, pipeline);
        this.listeners = new ListenerFanOut(listener);
        ProactiveExpansion expansion = config.ccr().enabled() && config.ccr().expansionEnabled()
                ? new ProactiveExpansion(config.ccr(), ccr, tokens) : null;
        this.processor = new RequestProcessor(config, new JsonCodec(config.limits().maxBodyBytes()), pipeline,
                listeners, counters, System::nanoTime, expansion);
    }

    /**
     * Called reflectively by {@code io.headroom.EngineBinding}: the API package must not name this class.
     *
     * @param store the CCR store to use, or null for the embedded default the config describes
     */
    public static Headroom create(HeadroomConfig config, CompressionListener listener, CcrStore store) {
        return new HeadroomEngine(config, listener, hints -> ContentRouter.create(config, hints)::route, store);
    }

    /** Test seam: an engine whose tool outputs go through {@code router}. */
    static HeadroomEngine withRouter(HeadroomConfig config, CompressionListener listener, ToolOutputRouter router) {
        return new HeadroomEngine(config, listener, router, null);
    }

    @Override
    public HeadroomConfig config() {
        return config;
    }

    /**
     * Rewrites one proxied request body. Never throws: any internal failure yields
     * {@link RequestOutcome#failOpen(byte[])} and one WARN log line without content.
     *
     * @param modeOverride the request's {@code x-headroom-mode}, or null for the configured mode
     */
    @Override
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
    @Override
    public RequestOutcome process(Endpoint endpoint, byte[] body, Mode modeOverride, String tenantScope) {
        return processor.process(endpoint, body, modeOverride, TenantScope.orShared(tenantScope));
    }

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
    @Override
    public CompressResult compress(JsonNode request) {
        return compress(request, TenantScope.SHARED);
    }

    /** As {@link #compress(JsonNode)}, storing the originals in the caller's CCR scope. */
    @Override
    public CompressResult compress(JsonNode request, String tenantScope) {
        CompressRequest req = CompressRequest.from(request);
        boolean apply = CompressMode.of(request) == CompressMode.OPTIMIZE;
        CompressOptions options = CompressOptions.from(request);
        // token_budget (else the model's limit minus the output buffer) is enforced by context
        // management in the pipeline; the 'config' options as CompressOptions describes
        ObjectNode chat = JsonNodeFactory.instance.objectNode();
        chat.put("model", req.model());
        chat.set("messages", req.messages().deepCopy());
        PipelineResult r;
        try {
            r = pipeline.run(req.shape(), chat, apply, req.tokenBudget(), TenantScope.orShared(tenantScope),
                    Deadline.after(config.limits().compressionDeadlineMs(), System::nanoTime), options);
        } catch (DeadlineExceeded e) {
            // nothing to forward here: say so, and the caller keeps its messages
            throw new HeadroomException(ErrorType.TRANSFORM_ERROR, e.getMessage() + "; nothing was compressed", e);
        } catch (RuntimeException e) {
            throw new HeadroomException(ErrorType.TRANSFORM_ERROR,
                    "compression failed: " + e.getClass().getSimpleName(), e);
        }
        List<ImageOutcome> images = ImageOutcomes.of(r.images(), req.shape(), chat);
        if (!apply) {
            return new CompressResult(req.messages(), r.tokensBefore(), r.tokensAfter(), r.transformsApplied(),
                    List.of(), images);
        }
        return new CompressResult(chat.get("messages"), r.tokensBefore(), r.tokensAfter(),
                r.transformsApplied(), r.ccrHashes(), images);
    }

    /**
     * {@code POST /v1/compress} in simulate mode: the plan of what optimize would do to {@code request}
     * (totals, transforms, waste signals, per-block breakdown) without applying or storing anything.
     *
     * @throws HeadroomException validation_error for a malformed request or mode
     */
    @Override
    public SimulationPlan simulate(JsonNode request) {
        CompressRequest req = CompressRequest.from(request);
        CompressMode.of(request); // a malformed mode is refused here too, whichever mode routed the request
        CompressOptions.from(request); // and so are malformed options (a plan measures the defaults)
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
    @Override
    public RetrieveResult retrieve(String hash, String query) {
        return retrieve(hash, query, TenantScope.SHARED);
    }

    /**
     * As {@link #retrieve(String, String)}, looking only in the caller's CCR scope: an original stored
     * for another scope is not_found here, exactly like an unknown hash.
     */
    @Override
    public RetrieveResult retrieve(String hash, String query, String tenantScope) {
        if (hash == null || hash.isBlank()) {
            throw new HeadroomException(ErrorType.VALIDATION_ERROR, "'hash' is required");
        }
        String key = hash.strip().toLowerCase(java.util.Locale.ROOT); // keys are lower-case hex
        CcrHit hit = ccr.retrieve(TenantScope.orShared(tenantScope), key).orElse(null);
        if (hit == null) {
            if (toin != null) toin.recordUnknownHash();
            throw new HeadroomException(ErrorType.NOT_FOUND, "no original stored under hash " + key + " (unknown or expired)");
        }
        boolean search = query != null && !query.isBlank();
        List<String> matches = search ? this.search.search(hit.entry().original(), query) : List.of();
        var e = hit.entry();
        recordFeedback(e.signature(), search ? query : null, matches);
        return new RetrieveResult(key, e.original(), e.originalTokens(), e.originalItemCount(),
                e.compressedItemCount(), e.toolName(), hit.retrievalCount(), search ? query : null, matches);
    }

    /** Learning never fails a retrieval: an internal error is one WARN line. */
    private void recordFeedback(String signature, String query, List<String> matches) {
        if (toin == null) return;
        try {
            toin.recordRetrieval(signature, query, matches);
        } catch (RuntimeException ex) {
            LOG.warn("Retrieval not learned from ({})", ex.getClass().getSimpleName());
        }
    }

    @Override
    public Learning learning() {
        return toin == null ? Learning.OFF : toin;
    }

    /** Counters since start, for {@code /stats} and {@code /v1/retrieve/stats}. */
    @Override
    public StatsSnapshot stats() {
        CcrStats c = ccr.stats();
        LearningStats learning = toin == null ? LearningStats.EMPTY : toin.stats();
        return StatsSnapshot.builder()
                .requestsTotal(counters.total())
                .requestsCompressed(counters.compressed())
                .requestsFailedOpen(counters.failedOpen())
                .tokensBefore(counters.tokensBefore())
                .tokensAfter(counters.tokensAfter())
                .ccrEntries(c.entries()).ccrStored(c.stored()).ccrRetrievals(c.retrievals()).ccrMisses(c.misses())
                .ccrBytes(c.bytes()).ccrEvicted(c.evicted()).ccrRefused(c.refused())
                .requestsOverDeadline(counters.overDeadline())
                .retrieveRounds(counters.retrieveRounds())
                .images(counters.images())
                .learnedPatterns(learning.learnedPatterns())
                .hintApplications(learning.hintApplications())
                .proactiveExpansions(counters.proactiveExpansions())
                .expandedItems(counters.expandedItems())
                .build();
    }

    @Override
    public void addListener(CompressionListener listener) {
        listeners.add(listener);
    }

    @Override
    public void onRetrieveRound(Endpoint endpoint) {
        counters.retrieveRound();
        listeners.onRetrieveRound(endpoint);
    }

    /**
     * Readiness probe: stores a tiny marker original in the CCR store and checks it is held. The
     * marker lives under one fixed key, so probing repeatedly never grows the store. Never throws.
     */
    @Override
    public boolean storeUsable() {
        try {
            // a key shaped like a content hash: stores that validate keys (the redis backend) accept it
            String key = ContentHash.of("headroom-readiness-probe");
            ccr.put(key, new CcrEntry("probe", 1, 0, 0, null, java.time.Instant.now()));
            return ccr.contains(key);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (saver != null) saver.close();
        ccr.close();
    }
}
