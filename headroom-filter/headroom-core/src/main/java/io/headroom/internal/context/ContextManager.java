package io.headroom.internal.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CcrEntry;
import io.headroom.CcrStore;
import io.headroom.ContentCompressor;
import io.headroom.ContextConfig;
import io.headroom.ContextStrategy;
import io.headroom.Endpoint;
import io.headroom.HeadroomConfig;
import io.headroom.ImageConfig;
import io.headroom.host.JsonCodec;
import io.headroom.internal.ccr.ContentHash;
import io.headroom.internal.ccr.StoreThenMark;
import io.headroom.internal.image.ImageCost;
import io.headroom.internal.image.ImageRun;
import io.headroom.internal.limits.Deadline;
import io.headroom.internal.limits.DeadlineExceeded;
import io.headroom.internal.route.ContentRouter;
import io.headroom.internal.tokens.ModelRegistry;
import io.headroom.internal.tokens.TokenCounter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Fits a request into its token budget: the {@code token_budget} given to {@code /v1/compress}, else
 * the model's context limit minus {@code context.output-buffer-tokens}. Does nothing while the request
 * fits. Otherwise, with the intelligent strategy and an overflow below {@code context.compress-threshold}
 * of the budget, it first compresses the largest droppable tool outputs deeper; then it drops units
 * ({@link RollingWindow} or {@link IntelligentContext}) until the request fits.
 *
 * <p>Everything dropped goes to CCR as ONE entry, the JSON array of the dropped messages in order, and a
 * note naming its hash takes their place: a new user message for OpenAI chat and Responses, a leading
 * text block of the next kept user message for Anthropic (see {@link AnthropicShape}). System prompts,
 * the last N turns and the final user message are never dropped or changed.
 *
 * <p>Messages are sized with their images by the provider's rule ({@link ImageCost}), the same count the image
 * stage makes. The pipeline runs the image stage BEFORE this one, so an image is counted as it is sent (after the
 * stage resized it or set {@code detail: low}), and a dropped image turn is credited what it costs as sent.
 * A dropped image goes to CCR whole, inside the dropped messages' JSON (its base64 payload exactly as sent).
 * Thread-safe.
 */
public final class ContextManager {
    private final ContextConfig config;
    private final boolean ccrEnabled;
    private final TokenCounter tokens;
    private final ModelRegistry models;
    private final StoreThenMark ccr;
    private final JsonCodec codec;
    private final Clock clock;
    private final DropPolicy policy;
    private final DeepCompression deep;
    private final long imageMaxPixels;

    /**
     * @param ccrEnabled     whether dropped and deeper-compressed originals go to CCR ({@code ccr.enabled})
     * @param ccr            stores the originals before their hash goes out
     * @param deepCompressor compresses a tool output harder than the pipeline's first pass
     */
    public ContextManager(ContextConfig config, boolean ccrEnabled, TokenCounter tokens, ModelRegistry models,
                          StoreThenMark ccr, ContentCompressor deepCompressor, Clock clock) {
        this(config, ccrEnabled, tokens, models, ccr, deepCompressor, clock, LearnedImportance.NONE,
                ImageConfig.DEFAULT_MAX_PIXELS);
    }

    /**
     * @param learned        the learned importance signal for IntelligentContext's scoring
     * @param imageMaxPixels {@code image.max-pixels}, for images whose header context fitting reads itself
     */
    public ContextManager(ContextConfig config, boolean ccrEnabled, TokenCounter tokens, ModelRegistry models,
                          StoreThenMark ccr, ContentCompressor deepCompressor, Clock clock, LearnedImportance learned,
                          long imageMaxPixels) {
        this.config = Objects.requireNonNull(config, "config");
        this.ccrEnabled = ccrEnabled;
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.models = Objects.requireNonNull(models, "models");
        this.ccr = Objects.requireNonNull(ccr, "ccr");
        // only writes requests already parsed within the body limit: no read limit applies here
        this.codec = new JsonCodec(Long.MAX_VALUE);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = config.strategy() == ContextStrategy.ROLLING ? new RollingWindow()
                : new IntelligentContext(ScoringWeights.DEFAULTS, config.recencyDecayRate(), learned);
        this.deep = new DeepCompression(Objects.requireNonNull(deepCompressor, "deepCompressor"), ccr,
                ccrEnabled, clock);
        this.imageMaxPixels = imageMaxPixels;
    }

    /** The production wiring: the deeper pass is the content router with tighter settings. */
    public static ContextManager create(HeadroomConfig config, TokenCounter tokens, ModelRegistry models,
                                        CcrStore ccr, Clock clock) {
        return create(config, tokens, models, new StoreThenMark(ccr, config.ccr().maxOriginalBytes()), clock,
                LearnedImportance.NONE);
    }

    /**
     * As {@link #create(HeadroomConfig, TokenCounter, ModelRegistry, CcrStore, Clock)}, sharing the pipeline's gate,
     * with what was learned.
     */
    public static ContextManager create(HeadroomConfig config, TokenCounter tokens, ModelRegistry models,
                                        StoreThenMark ccr, Clock clock, LearnedImportance learned) {
        return new ContextManager(config.context(), config.ccr().enabled(), tokens, models, ccr,
                ContentRouter.create(deeper(config)), clock, learned, config.image().maxPixels());
    }

    /** A third of the items, every output regardless of size, code bodies collapsed too. */
    static HeadroomConfig deeper(HeadroomConfig config) {
        return config.toBuilder()
                .crusher(c -> c.maxItemsAfterCrush(Math.max(3, config.crusher().maxItemsAfterCrush() / 3))
                        .minTokensToCrush(0))
                .codeCompression(c -> c.enabled(true))
                .build();
    }

    /** The budget for {@code model}: {@code tokenBudget} when given, else its context limit minus the output buffer. */
    public int budget(String model, OptionalInt tokenBudget) {
        if (tokenBudget.isPresent()) return tokenBudget.getAsInt();
        return Math.max(1, models.contextLimit(model) - config.outputBufferTokens());
    }

    /**
     * Fits {@code root} into its budget in place.
     *
     * @param tokenBudget    the request's explicit budget, if any
     * @param storeOriginals false to plan and rewrite without storing anything in CCR (audit)
     */
    public ContextResult apply(Endpoint endpoint, ObjectNode root, OptionalInt tokenBudget, boolean storeOriginals) {
        return apply(endpoint, root, tokenBudget, storeOriginals, CcrStore.SHARED_SCOPE);
    }

    /** As {@link #apply(Endpoint, ObjectNode, OptionalInt, boolean)}, storing originals in the caller's CCR scope. */
    public ContextResult apply(Endpoint endpoint, ObjectNode root, OptionalInt tokenBudget, boolean storeOriginals,
                               String scope) {
        return apply(endpoint, root, tokenBudget, storeOriginals, scope, Deadline.NONE);
    }

    /**
     * As {@link #apply(Endpoint, ObjectNode, OptionalInt, boolean, String)}, checking {@code deadline} between
     * units of work. Time and memory are linear in the messages (n log n for the intelligent strategy's
     * ordering), so a million tiny messages cost about as much as one body of the same size.
     *
     * @throws DeadlineExceeded when the deadline passes; {@code root} may then be half rewritten
     */
    public ContextResult apply(Endpoint endpoint, ObjectNode root, OptionalInt tokenBudget, boolean storeOriginals,
                               String scope, Deadline deadline) {
        return apply(endpoint, root, tokenBudget, storeOriginals, scope, deadline, null);
    }

    /**
     * As {@link #apply(Endpoint, ObjectNode, OptionalInt, boolean, String, Deadline)}, after the image stage: every
     * message is sized with its images, and the images {@code imageStage} counted are taken at its count (what they
     * cost now, after it), so their headers are not read again; other images are costed from their headers.
     *
     * @param imageStage what the image stage did to {@code root}, or null when it did not run
     */
    public ContextResult apply(Endpoint endpoint, ObjectNode root, OptionalInt tokenBudget, boolean storeOriginals,
                               String scope, Deadline deadline, ImageRun imageStage) {
        if (config.strategy() == ContextStrategy.OFF) return ContextResult.unchanged(0, 0);
        JsonNode modelNode = root.get("model");
        String model = modelNode != null && modelNode.isTextual() ? modelNode.textValue() : null;
        int budget = budget(model, tokenBudget);
        MessageShape shape = MessageShape.of(endpoint);
        TokenCounter.Tokenizer tokenizer = tokens.forModel(model);
        if (!(root.get(shape.listField()) instanceof ArrayNode list)) return ContextResult.unchanged(0, budget);
        ImageCost images = ImageCost.of(endpoint, model, imageMaxPixels).knowing(imageStage);
        // a token of text is at least one byte: a body this small cannot be over budget, so skip counting;
        // only images cost more tokens than their bytes (a URL of 40 bytes is a 1024-px image), so they are added
        long bound = (long) Math.ceil(codec.write(root).length * tokenizer.encoding().scale())
                + (long) Conversation.MESSAGE_OVERHEAD * list.size();
        if (bound <= budget) bound += imageTokens(list, images, deadline);
        if (bound <= budget) return ContextResult.unchanged(0, budget);

        int keep = config.keepLastTurns();
        deadline.check();
        Conversation c = Conversation.read(root, shape, tokenizer, keep, images, deadline);
        int before = c.totalTokens();
        if (before <= budget) return ContextResult.unchanged(before, budget);

        List<String> transforms = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        boolean store = storeOriginals && ccrEnabled;
        int overflow = before - budget;
        if (policy instanceof IntelligentContext && overflow <= config.compressThreshold() * budget) {
            int replaced = deep.run(endpoint, root, c, overflow, tokenizer, store, scope, hashes, deadline);
            if (replaced > 0) {
                transforms.add("deep_compress:" + replaced);
                c = Conversation.read(root, shape, tokenizer, keep, images, deadline);
                if (c.totalTokens() <= budget) {
                    return new ContextResult(true, before, c.totalTokens(), budget, true, 0, null, transforms, hashes);
                }
            }
        }

        int noteTokens = tokenizer.count(note(Integer.MAX_VALUE, "0".repeat(ContentHash.LENGTH)))
                + Conversation.MESSAGE_OVERHEAD;
        deadline.check();
        List<Conversation.Unit> drops = new ArrayList<>(policy.choose(c, budget - noteTokens, deadline));
        deadline.check();
        if (drops.isEmpty()) {
            int now = c.totalTokens();
            return new ContextResult(!transforms.isEmpty(), before, now, budget, now <= budget, 0, null, transforms, hashes);
        }
        drops.sort(Comparator.comparingInt(Conversation.Unit::first));
        List<Integer> removed = new ArrayList<>();
        int droppedTokens = 0;
        for (Conversation.Unit u : drops) {
            for (int i = u.first(); i <= u.last(); i++) {
                if (!c.isSystem(i)) removed.add(i);
            }
            droppedTokens += u.tokens();
        }
        String hash = drop(c, removed, droppedTokens, store, scope);
        if (hash != null && store) hashes.add(hash);
        transforms.add(policy.name() + ":" + removed.size());
        int after = c.totalTokens() - droppedTokens + noteTokens;
        return new ContextResult(true, before, after, budget, after <= budget, removed.size(),
                ccrEnabled ? hash : null, transforms, hashes);
    }

    private static long imageTokens(ArrayNode list, ImageCost images, Deadline deadline) {
        long sum = 0;
        for (JsonNode m : list) {
            deadline.tick();
            sum += images.tokens(m);
        }
        return sum;
    }

    /** Archives, removes and replaces {@code removed} (ascending indices) by the note; returns the archive's hash. */
    private String drop(Conversation c, List<Integer> removed, int droppedTokens, boolean store, String scope) {
        ArrayNode messages = c.messages();
        ArrayNode archive = messages.arrayNode();
        for (int i : removed) archive.add(messages.get(i));
        String json = codec.writeString(archive);
        String hash = ContentHash.of(json);
        // stored before the note goes out: a hash the model sees must be retrievable, so a refused
        // original (quota, full store) leaves the note without one, as with CCR off
        if (store && !ccr.stored(scope, hash, new CcrEntry(json, droppedTokens, removed.size(), 0, null, clock.instant()))) {
            hash = null;
        }
        // one pass over the list: removing one index at a time would shift the tail each time (quadratic)
        boolean[] gone = new boolean[messages.size()];
        for (int i : removed) gone[i] = true;
        List<JsonNode> kept = new ArrayList<>(messages.size() - removed.size());
        for (int i = 0; i < gone.length; i++) {
            if (!gone[i]) kept.add(messages.get(i));
        }
        messages.removeAll();
        messages.addAll(kept);
        c.shape().insertNote(messages, removed.get(0), note(removed.size(), ccrEnabled ? hash : null));
        return hash;
    }

    /** The note that stands in for the dropped messages. */
    static String note(int dropped, String hash) {
        String text = "[" + dropped + " earlier message" + (dropped == 1 ? "" : "s")
                + " dropped to fit the context window.";
        return hash == null ? text + "]" : text + " Retrieve them: hash=" + hash + "]";
    }
}
