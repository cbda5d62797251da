package io.headroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What optimize would do to one {@code /v1/compress} request, without doing it.
 *
 * @param model        the model the tokens are counted for
 * @param messages     the request's messages, unchanged
 * @param tokensBefore tokens of the request as sent
 * @param tokensAfter  tokens optimize would leave (exactly what {@code compress} gives)
 * @param transforms   the transforms optimize would apply, in request order
 * @param wasteSignals where the request's unnecessary tokens are
 * @param blocks       one entry per message content block, tool call and tool result
 * @param learnedHints the tool outputs whose compression learned hints (TOIN) would steer, one description each
 *                     (tool, signature, what is kept); empty on a cold start
 * @param images       what optimize would do to each image, in request order (never a {@code ccrHash}: nothing is
 *                     stored); empty when there are none
 */
public record SimulationPlan(String model, JsonNode messages, int tokensBefore, int tokensAfter,
                             List<String> transforms, WasteSignals wasteSignals, List<BlockReport> blocks,
                             List<String> learnedHints, List<ImageOutcome> images) {

    public SimulationPlan {
        transforms = List.copyOf(transforms);
        blocks = List.copyOf(blocks);
        learnedHints = List.copyOf(learnedHints);
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** Without images. */
    public SimulationPlan(String model, JsonNode messages, int tokensBefore, int tokensAfter,
                          List<String> transforms, WasteSignals wasteSignals, List<BlockReport> blocks,
                          List<String> learnedHints) {
        this(model, messages, tokensBefore, tokensAfter, transforms, wasteSignals, blocks, learnedHints, List.of());
    }

    /** Without learned hints. */
    public SimulationPlan(String model, JsonNode messages, int tokensBefore, int tokensAfter,
                          List<String> transforms, WasteSignals wasteSignals, List<BlockReport> blocks) {
        this(model, messages, tokensBefore, tokensAfter, transforms, wasteSignals, blocks, List.of(), List.of());
    }

    public int tokensSaved() {
        return tokensBefore - tokensAfter;
    }

    /** Tokens after / tokens before (0.1 = 90% fewer; 1.0 when nothing is saved), as in {@code CompressResult}. */
    public double compressionRatio() {
        return CompressResult.ratio(tokensBefore, tokensAfter);
    }

    /**
     * The plan as the {@code /v1/compress} answer in simulate mode: the compress answer's fields
     * ({@code messages} unchanged, {@code ccr_hashes} empty) plus {@code mode}, {@code transforms},
     * {@code waste_signals}, {@code blocks} and, as in the compress answer, {@code images} with
     * {@code image_tokens_before}/{@code image_tokens_after}; all snake_case.
     */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        out.put("mode", CompressMode.SIMULATE.wireName());
        out.put("model", model);
        out.set("messages", messages);
        out.put("tokens_before", tokensBefore);
        out.put("tokens_after", tokensAfter);
        out.put("tokens_saved", tokensSaved());
        out.put("compression_ratio", Math.round(compressionRatio() * 10_000) / 10_000.0);
        ArrayNode t = out.putArray("transforms");
        transforms.forEach(t::add);
        // the compress answer's name for the same list, so clients parsing that shape read plans too
        out.set("transforms_applied", t.deepCopy());
        out.putArray("ccr_hashes");
        ObjectNode signals = out.putObject("waste_signals");
        for (WasteSignals.Kind kind : WasteSignals.Kind.values()) {
            WasteSignal s = wasteSignals.get(kind);
            ObjectNode o = signals.putObject(kind.wireName());
            o.put("tokens", s.tokens());
            ArrayNode where = o.putArray("blocks");
            s.blocks().forEach(where::add);
        }
        ArrayNode hints = out.putArray("learned_hints");
        learnedHints.forEach(hints::add);
        ImageOutcome.addTo(out, images);
        ArrayNode list = out.putArray("blocks");
        for (BlockReport b : blocks) {
            ObjectNode o = list.addObject();
            o.put("index", b.index());
            putNullable(o, "message_index", b.messageIndex());
            putNullable(o, "part_index", b.partIndex());
            o.put("role", b.role());
            o.put("kind", b.kind().wireName());
            o.put("content_type", b.contentType() == null ? null : b.contentType().wireName());
            o.put("tool_name", b.toolName());
            o.put("tokens_before", b.tokensBefore());
            o.put("tokens_after", b.tokensAfter());
            o.put("transform", b.transform());
        }
        return out;
    }

    private static void putNullable(ObjectNode o, String field, Integer value) {
        if (value == null) {
            o.putNull(field);
        } else {
            o.put(field, value.intValue());
        }
    }
}
