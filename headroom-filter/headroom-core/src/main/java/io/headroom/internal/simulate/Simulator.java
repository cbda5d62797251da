package io.headroom.internal.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.BlockKind;
import io.headroom.BlockReport;
import io.headroom.CacheAlignerConfig;
import io.headroom.ContentType;
import io.headroom.SimulationPlan;
import io.headroom.internal.cache.DynamicValues;
import io.headroom.internal.image.ImageOutcomes;
import io.headroom.internal.image.ImageRun;
import io.headroom.internal.pipeline.CompressRequest;
import io.headroom.internal.pipeline.Pipeline;
import io.headroom.internal.pipeline.PipelineResult;
import io.headroom.internal.route.ContentDetector;
import io.headroom.internal.route.Routed;
import io.headroom.internal.tokens.TokenCounter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plans a {@code /v1/compress} request without applying it: runs the real pipeline in measure-only mode
 * ({@code storeOriginals=false}) on a copy of the messages, so the totals are exactly what optimize would
 * give and nothing reaches CCR, then compares each block of the copy with the original.
 *
 * <p>Blocks are matched by message identity: the pipeline rewrites texts in place and context management
 * removes whole message nodes and inserts a note, so a message node of the copy that is still there after
 * the run is the same message, and one that is new is the note. Thread-safe: holds no per-request state.
 */
public final class Simulator {
    private static final List<String> DROP_TRANSFORMS = List.of("rolling_window:", "intelligent_context:");

    private final Pipeline pipeline;
    private final TokenCounter tokens;
    private final ContentDetector detector = new ContentDetector();
    private final WasteDetector waste;

    /** @param cacheAligner the dynamic-content patterns the waste signals look for */
    public Simulator(CacheAlignerConfig cacheAligner, TokenCounter tokens, Pipeline pipeline) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.waste = new WasteDetector(new DynamicValues(Objects.requireNonNull(cacheAligner, "cacheAligner")));
    }

    /** The plan for {@code request}; its messages are neither modified nor stored. */
    public SimulationPlan simulate(CompressRequest request) {
        ArrayNode original = request.messages();
        ObjectNode chat = JsonNodeFactory.instance.objectNode();
        chat.put("model", request.model());
        ArrayNode copy = original.deepCopy();
        chat.set("messages", copy);
        Map<JsonNode, Integer> positions = new IdentityHashMap<>();
        for (int i = 0; i < copy.size(); i++) {
            positions.put(copy.get(i), i);
        }

        PipelineResult result = pipeline.run(request.shape(), chat, false, request.tokenBudget());

        TokenCounter.Tokenizer tokenizer = tokens.forModel(request.model());
        RequestBlocks reader = RequestBlocks.of(original);
        ArrayNode rewritten = (ArrayNode) chat.get("messages");
        List<Map<String, String>> after = new ArrayList<>(original.size());
        for (int i = 0; i < original.size(); i++) after.add(null); // null: the message would be dropped
        List<RequestBlock> inserted = new ArrayList<>();
        for (int j = 0; j < rewritten.size(); j++) {
            JsonNode m = rewritten.get(j);
            Integer i = positions.get(m);
            if (i == null) {
                inserted.addAll(reader.read(m, j));
            } else {
                Map<String, String> texts = new HashMap<>();
                for (RequestBlock b : reader.read(m, i)) texts.put(b.slotKey(), b.text());
                after.set(i, texts);
            }
        }

        String dropTransform = dropTransform(result.transformsApplied());
        List<BlockReport> blocks = new ArrayList<>();
        WasteSignalsBuilder signals = new WasteSignalsBuilder();
        Map<Integer, List<ImageRun.ImageResult>> images = new HashMap<>();
        for (ImageRun.ImageResult r : result.images().results()) {
            images.computeIfAbsent(r.messageIndex(), k -> new ArrayList<>()).add(r);
        }
        for (int i = 0; i < original.size(); i++) {
            Map<String, String> texts = after.get(i);
            for (RequestBlock b : reader.read(original.get(i), i)) {
                BlockReport report = report(blocks.size(), b, texts, tokenizer, result.transformsApplied(), dropTransform);
                blocks.add(report);
                waste.detect(report, b.text(), tokenizer, signals);
            }
            for (ImageRun.ImageResult image : images.getOrDefault(i, List.of())) {
                boolean dropped = texts == null;
                blocks.add(new BlockReport(blocks.size(), i, image.partIndex(), original.get(i).path("role").asText(null),
                        BlockKind.IMAGE, null, null, image.tokensBefore(), dropped ? 0 : image.tokensAfter(),
                        dropped ? dropTransform : image.transform()));
            }
        }
        for (RequestBlock note : inserted) {
            blocks.add(new BlockReport(blocks.size(), null, note.partIndex(), note.role(), note.kind(), null, null,
                    0, tokenizer.count(note.text()), dropTransform));
        }
        return new SimulationPlan(request.model(), original, result.tokensBefore(), result.tokensAfter(),
                result.transformsApplied(), signals.build(), blocks, result.learnedHints(),
                ImageOutcomes.of(result.images(), request.shape(), chat));
    }

    private BlockReport report(int index, RequestBlock b, Map<String, String> after, TokenCounter.Tokenizer tokenizer,
                               List<String> transforms, String dropTransform) {
        ContentType type = b.kind() == BlockKind.TOOL_RESULT ? detector.detect(b.text()) : null;
        int before = tokenizer.count(b.text());
        String afterText = after == null ? null : after.get(b.slotKey());
        int afterTokens;
        String transform;
        if (afterText == null) {
            afterTokens = 0;
            transform = dropTransform;
        } else if (afterText.equals(b.text())) {
            afterTokens = before;
            transform = null;
        } else {
            afterTokens = tokenizer.count(afterText);
            transform = changeTransform(b, type, before, afterTokens, transforms);
        }
        return new BlockReport(index, b.messageIndex(), b.partIndex(), b.role(), b.kind(), type, b.toolName(),
                before, afterTokens, transform);
    }

    /** Which of the pipeline's transforms rewrote a block that is still there. */
    private static String changeTransform(RequestBlock b, ContentType type, int before, int after, List<String> transforms) {
        if (type != null) {
            String routed = Routed.transformName(type, before, after);
            if (transforms.contains(routed)) return routed;
            for (String t : transforms) {
                if (t.startsWith("deep_compress")) return "deep_compress"; // compressed again to fit the budget
            }
            return routed;
        }
        for (String t : transforms) {
            // anything else the pipeline may rewrite outside tool outputs (e.g. the cache aligner on the system prompt)
            if (!t.startsWith("router:") && !t.startsWith("deep_compress") && !t.startsWith("image:") && !isDrop(t)) {
                return t;
            }
        }
        return "modified";
    }

    private static String dropTransform(List<String> transforms) {
        for (String t : transforms) {
            if (isDrop(t)) return t;
        }
        return "context_drop";
    }

    private static boolean isDrop(String transform) {
        for (String p : DROP_TRANSFORMS) {
            if (transform.startsWith(p)) return true;
        }
        return false;
    }

    /** True for a transform that compressed a block (rather than dropped it). */
    static boolean isCompression(String transform) {
        return transform != null && (transform.startsWith("router:") || transform.startsWith("deep_compress"));
    }
}
