package io.headroom.internal.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CcrEntry;
import io.headroom.CcrStore;
import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.Endpoint;
import io.headroom.HeadroomConfig;
import io.headroom.internal.cache.CacheAligner;
import io.headroom.internal.cache.CacheAlignment;
import io.headroom.internal.ccr.ContentHash;
import io.headroom.internal.ccr.StoreThenMark;
import io.headroom.internal.context.ContextManager;
import io.headroom.internal.context.ContextResult;
import io.headroom.internal.expansion.CompressedOutput;
import io.headroom.internal.image.ImageCompressor;
import io.headroom.internal.image.ImageAnalysis;
import io.headroom.internal.image.ImageRun;
import io.headroom.internal.learn.Toin;
import io.headroom.internal.learn.ToolSignature;
import io.headroom.internal.limits.Deadline;
import io.headroom.internal.limits.DeadlineExceeded;
import io.headroom.internal.route.AnalysisIntent;
import io.headroom.internal.route.Routed;
import io.headroom.internal.tokens.ModelRegistry;
import io.headroom.internal.tokens.TokenCounter;
import io.headroom.internal.wire.ParsedRequest;
import io.headroom.internal.wire.ToolOutput;
import io.headroom.internal.wire.WireFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Compresses the tool outputs of one parsed request in place: every tool output of at least
 * {@code min-tokens-to-crush} tokens goes through the router, which picks a compressor by content type;
 * a result with fewer tokens replaces it, and the original is stored in CCR under the hash the
 * compressor put in its marker. Each replaced output adds {@code router:<type>:<ratio>} to the
 * transforms, in request order. A request still over its token budget afterwards is then cut down by
 * context management ({@link ContextManager}: whole conversation units dropped into CCR, a note in their
 * place). First of all, the {@link CacheAligner} moves dynamic content (dates, ids) of the system prompt
 * to its end and places Anthropic cache_control breakpoints on the stable prefix: the only change ever
 * made to system content. Nothing else in the request is modified. Thread-safe: holds no per-request state.
 */
public final class Pipeline {
    private final HeadroomConfig config;
    private final TokenCounter tokens;
    private final StoreThenMark ccr;
    private final ToolOutputRouter router;
    private final Clock clock;
    private final Map<Endpoint, WireFormat> formats = new EnumMap<>(Endpoint.class);
    private final ContextManager context;
    private final CacheAligner aligner;
    private final ImageCompressor images;
    private final Toin toin;

    public Pipeline(HeadroomConfig config, TokenCounter tokens, CcrStore ccr, ToolOutputRouter router, Clock clock) {
        this(config, tokens, ccr, router, clock, ImageAnalysis.COUNT_ONLY, null);
    }

    /** @param imageAnalysis picks each image's technique, crop region and text (the engine's production parts) */
    public Pipeline(HeadroomConfig config, TokenCounter tokens, CcrStore ccr, ToolOutputRouter router, Clock clock,
                    ImageAnalysis imageAnalysis) {
        this(config, tokens, ccr, router, clock, imageAnalysis, null);
    }

    /**
     * @param imageAnalysis picks each image's technique, crop region and text (the engine's production parts)
     * @param toin          where compressions are recorded for learning (TOIN), or null when learning is off
     */
    public Pipeline(HeadroomConfig config, TokenCounter tokens, CcrStore ccr, ToolOutputRouter router, Clock clock,
                    ImageAnalysis imageAnalysis, Toin toin) {
        this.toin = toin;
        this.config = config;
        this.tokens = tokens;
        this.ccr = new StoreThenMark(ccr, config.ccr().maxOriginalBytes());
        this.router = router;
        this.clock = clock;
        for (Endpoint e : Endpoint.values()) {
            formats.put(e, WireFormat.of(e));
        }
        this.aligner = new CacheAligner(config.cacheAligner(), tokens);
        this.context = ContextManager.create(config, tokens, ModelRegistry.defaults(), this.ccr, clock,
                toin == null ? io.headroom.internal.context.LearnedImportance.NONE : toin);
        this.images = new ImageCompressor(config.image(), imageAnalysis, this.ccr, clock);
    }

    /**
     * Runs over {@code root}, replacing tool output texts in place.
     *
     * @param storeOriginals true to keep the originals in CCR (optimize); false to only measure
     *                       (audit), which leaves the tree changed but stores nothing
     */
    public PipelineResult run(Endpoint endpoint, ObjectNode root, boolean storeOriginals) {
        return run(endpoint, root, storeOriginals, OptionalInt.empty());
    }

    /**
     * As {@link #run(Endpoint, ObjectNode, boolean)}, then, when the request is still over its budget
     * ({@code tokenBudget}, else the model's context limit minus the output buffer), context management
     * drops whole units of the conversation ({@link ContextManager}).
     */
    public PipelineResult run(Endpoint endpoint, ObjectNode root, boolean storeOriginals, OptionalInt tokenBudget) {
        return run(endpoint, root, storeOriginals, tokenBudget, CcrStore.SHARED_SCOPE);
    }

    /**
     * As {@link #run(Endpoint, ObjectNode, boolean, OptionalInt)}, storing originals in the CCR scope of
     * the caller ({@code scope}, "" for the shared scope); the markers carry the plain content hash.
     */
    public PipelineResult run(Endpoint endpoint, ObjectNode root, boolean storeOriginals, OptionalInt tokenBudget,
                              String scope) {
        return run(endpoint, root, storeOriginals, tokenBudget, scope, Deadline.NONE);
    }

    /**
     * As {@link #run(Endpoint, ObjectNode, boolean, OptionalInt, String)}, checking {@code deadline} between
     * units of work.
     *
     * @throws DeadlineExceeded when the deadline passes; the tree may then be half rewritten (and originals
     *                          already stored in CCR stay there, harmless), so the caller forwards the
     *                          original bytes
     */
    public PipelineResult run(Endpoint endpoint, ObjectNode root, boolean storeOriginals, OptionalInt tokenBudget,
                              String scope, Deadline deadline) {
        return run(endpoint, root, storeOriginals, tokenBudget, scope, deadline, CompressOptions.DEFAULTS);
    }

    /** As {@link #run(Endpoint, ObjectNode, boolean, OptionalInt, String, Deadline)} with a /v1/compress request's options. */
    public PipelineResult run(Endpoint endpoint, ObjectNode root, boolean storeOriginals, OptionalInt tokenBudget,
                              String scope, Deadline deadline, CompressOptions options) {
        ParsedRequest request = formats.get(endpoint).read(root);
        deadline.check();
        // first, on the texts just read (so 'before' counts the request as sent); it touches system content only
        CacheAlignment alignment = aligner.align(root, endpoint);
        TokenCounter.Tokenizer tokenizer = tokens.forModel(request.model());
        boolean store = storeOriginals && config.ccr().enabled();

        int before = 0;
        for (String text : request.otherTexts()) {
            before += tokenizer.count(text);
        }
        // images: counted by their provider's rule (always), sent at the resolution the question needs (when enabled)
        ImageRun imageRun = images.run(endpoint, root, request.model(), request.query(), store, scope, tokenizer, deadline);
        before += imageRun.tokensBefore();
        int saved = imageRun.tokensBefore() - imageRun.tokensAfter();
        int toolTokensAfter = 0; // what the tool outputs count as sent, so a recount never re-tokenizes them
        Set<String> hashes = new LinkedHashSet<>(imageRun.ccrHashes());
        List<CompressedOutput> stored = new ArrayList<>();
        List<String> transforms = new ArrayList<>(alignment.transforms());
        transforms.addAll(imageRun.transforms());
        boolean analysisIntent = options.protectAnalysisContext() && AnalysisIntent.in(request.query());
        List<String> learned = new ArrayList<>();
        for (ToolOutput output : request.toolOutputs()) {
            deadline.tick();
            String original = output.text();
            int originalTokens = tokenizer.count(original);
            before += originalTokens;
            toolTokensAfter += originalTokens;
            if (originalTokens < config.crusher().minTokensToCrush()) {
                continue; // below the threshold the original project passes content through
            }
            String hash = ContentHash.of(original);
            deadline.check(); // before each compression: this is where the time goes
            CompressionContext context = new CompressionContext(request.query(), config.ccr().enabled() ? hash : null,
                    output.toolName(), options.messagesFromEnd(output.messagesFromEnd()), analysisIntent);
            Routed routed = router.route(original, context);
            Compressed result = routed == null ? null : routed.result();
            if (result == null || !result.changed() || result.content().equals(original)) {
                continue;
            }
            int compressedTokens = tokenizer.count(result.content());
            if (compressedTokens >= originalTokens) {
                continue; // the marker and structure cost more than they saved
            }
            // learned from only when the compression is applied (not measured for audit or simulate)
            String signature = store && toin != null ? ToolSignature.of(output.toolName(), original) : null;
            if (store) {
                // stored before the marker goes out: a hash the model sees must be retrievable
                if (!ccr.stored(scope, hash, new CcrEntry(original, originalTokens, result.originalUnits(),
                        result.keptUnits(), output.toolName(), clock.instant(), signature))) {
                    continue; // refused (too large, store full or unreachable): keep the original
                }
                hashes.add(hash);
                stored.add(new CompressedOutput(hash, output.toolName(), original, result.content()));
                if (toin != null) {
                    toin.recordCompression(signature, output.toolName(), result.originalUnits(), result.keptUnits());
                }
            }
            if (toin != null && toin.active()) {
                // the crusher asked the same question: were its choices steered by what was learned?
                toin.describeHints(output.toolName(), original).ifPresent(learned::add);
            }
            output.slot().replace(result.content());
            saved += originalTokens - compressedTokens;
            toolTokensAfter -= originalTokens - compressedTokens;
            transforms.add(Routed.transformName(routed.type(), originalTokens, compressedTokens));
        }
        boolean compressed = saved > 0;
        boolean changed = compressed || alignment.changed() || imageRun.changed();
        deadline.check();
        // the dynamic-context tail counts too; the aligner touches system content only, so the tool outputs
        // (up to 200 KB each) keep the counts taken above instead of being tokenized a second time
        int after = alignment.movedSpans() > 0
                ? countOtherTexts(formats.get(endpoint).read(root), tokenizer) + toolTokensAfter
                        + imageRun.imageTokensIn(endpoint, root)
                : before - saved;
        // after the image stage: context fitting sizes each image as it now goes out (imageRun's counts)
        ContextResult fitted = context.apply(endpoint, root, tokenBudget, storeOriginals, scope, deadline, imageRun);
        if (fitted.changed()) {
            changed = true;
            compressed = true; // turns compressed deeper or dropped
            transforms.addAll(fitted.transforms());
            hashes.addAll(fitted.ccrHashes());
            after = countTexts(formats.get(endpoint).read(root), tokenizer) // recounted as 'before' was
                    + imageRun.imageTokensIn(endpoint, root);
        }
        deadline.check();
        return new PipelineResult(changed, compressed, before, after, transforms, new ArrayList<>(hashes), imageRun,
                learned, stored, fitted.changed());
    }

    private static int countOtherTexts(ParsedRequest request, TokenCounter.Tokenizer tokenizer) {
        int sum = 0;
        for (String text : request.otherTexts()) {
            sum += tokenizer.count(text);
        }
        return sum;
    }

    private static int countTexts(ParsedRequest request, TokenCounter.Tokenizer tokenizer) {
        int sum = 0;
        for (String text : request.otherTexts()) {
            sum += tokenizer.count(text);
        }
        for (ToolOutput output : request.toolOutputs()) {
            sum += tokenizer.count(output.text());
        }
        return sum;
    }
}
