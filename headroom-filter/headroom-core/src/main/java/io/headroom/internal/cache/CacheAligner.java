package io.headroom.internal.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CacheAlignerConfig;
import io.headroom.Endpoint;
import io.headroom.PatternList;
import io.headroom.internal.tokens.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps the system prompt's prefix byte-stable across requests so provider prompt caches hit:
 * dynamic content (dates, times, timestamps, UUIDs, session / request ids, configured patterns) is
 * cut out of the system content and listed in one {@code [Dynamic context]} block at its end, so
 * the model still sees every value (see {@link SpanRemover} for exactly what else changes: only the
 * whitespace and punctuation around a moved span). A prompt without dynamic content is left
 * untouched. On Anthropic requests it then places {@code cache_control} breakpoints on the stable
 * prefix ({@link CacheBreakpoints}).
 *
 * <p>System content is: the leading {@code system} / {@code developer} messages of an OpenAI chat
 * request (string content or text parts); Anthropic's {@code system} (string or text blocks); the
 * {@code instructions} of an OpenAI Responses request. The tail goes at the end of the last of them;
 * on Anthropic it is a text block of its own, after the stable blocks (a string {@code system}
 * becomes blocks), so a breakpoint on the last stable block caches nothing that changes.
 * Thread-safe: holds no per-request state.
 */
public final class CacheAligner {
    /** Anthropic does not cache prefixes shorter than this (Sonnet / Opus). */
    public static final int MIN_CACHEABLE_TOKENS = 1024;
    static final String TRANSFORM = "cache_aligner";

    private final boolean alignEnabled;
    private final boolean cacheControlEnabled;
    private final DynamicContentDetector detector;
    private final CacheBreakpoints breakpoints;

    public CacheAligner(CacheAlignerConfig config, TokenCounter tokens) {
        this(config.enabled(), config.cacheControlEnabled(),
                PatternList.compile(CacheAlignerConfig.PATTERNS, config.patterns()),
                tokens, MIN_CACHEABLE_TOKENS);
    }

    CacheAligner(boolean alignEnabled, boolean cacheControlEnabled, List<Pattern> extraPatterns,
                 TokenCounter tokens, int minCacheableTokens) {
        this.alignEnabled = alignEnabled;
        this.cacheControlEnabled = cacheControlEnabled;
        this.detector = new DynamicContentDetector(extraPatterns);
        this.breakpoints = new CacheBreakpoints(tokens, minCacheableTokens);
    }

    /** Aligns {@code request} in place. */
    public CacheAlignment align(ObjectNode request, Endpoint endpoint) {
        int moved = alignEnabled ? switch (endpoint) {
            case OPENAI_CHAT -> alignChat(request);
            case ANTHROPIC_MESSAGES -> alignAnthropic(request);
            case OPENAI_RESPONSES -> alignResponses(request);
        } : 0;
        int added = cacheControlEnabled && endpoint == Endpoint.ANTHROPIC_MESSAGES ? breakpoints.place(request) : 0;
        if (moved == 0 && added == 0) {
            return CacheAlignment.NONE;
        }
        List<String> transforms = new ArrayList<>(2);
        if (moved > 0) transforms.add(TRANSFORM);
        if (added > 0) transforms.add("cache_control:" + added);
        return new CacheAlignment(true, moved, added, transforms);
    }

    private int alignChat(ObjectNode root) {
        List<SystemText> texts = new ArrayList<>();
        for (JsonNode m : root.path("messages")) {
            String role = m.path("role").asText("");
            if (!(m instanceof ObjectNode msg) || !(role.equals("system") || role.equals("developer"))) {
                break; // only the leading system run forms the cacheable prefix
            }
            JsonNode content = msg.get("content");
            if (content != null && content.isTextual()) {
                texts.add(new SystemText(msg, "content"));
            } else if (content != null && content.isArray()) {
                for (JsonNode part : content) {
                    if (part instanceof ObjectNode p && p.path("text").isTextual()) {
                        texts.add(new SystemText(p, "text"));
                    }
                }
            }
        }
        List<String> moved = cut(texts);
        if (!moved.isEmpty()) {
            SystemText last = texts.get(texts.size() - 1);
            last.set(DynamicTail.appendTo(last.text(), moved));
        }
        return moved.size();
    }

    private int alignResponses(ObjectNode root) {
        if (!root.path("instructions").isTextual()) {
            return 0;
        }
        SystemText instructions = new SystemText(root, "instructions");
        List<String> moved = cut(List.of(instructions));
        if (!moved.isEmpty()) {
            instructions.set(DynamicTail.appendTo(instructions.text(), moved));
        }
        return moved.size();
    }

    private int alignAnthropic(ObjectNode root) {
        JsonNode system = root.get("system");
        if (system != null && system.isTextual()) {
            SystemText text = new SystemText(root, "system");
            List<String> moved = cut(List.of(text));
            if (!moved.isEmpty()) {
                ArrayNode blocks = JsonNodeFactory.instance.arrayNode();
                if (!text.text().isBlank()) {
                    blocks.addObject().put("type", "text").put("text", text.text());
                }
                blocks.addObject().put("type", "text").put("text", DynamicTail.block(moved));
                root.set("system", blocks);
            }
            return moved.size();
        }
        if (system == null || !system.isArray()) {
            return 0;
        }
        ArrayNode blocks = (ArrayNode) system;
        List<SystemText> texts = new ArrayList<>();
        ObjectNode tail = null;
        for (JsonNode block : blocks) {
            if (block instanceof ObjectNode b && b.path("text").isTextual()) {
                if (DynamicTail.isTail(b.path("text").textValue())) {
                    tail = b;
                } else {
                    texts.add(new SystemText(b, "text"));
                }
            }
        }
        List<String> moved = cut(texts);
        if (moved.isEmpty()) {
            return 0;
        }
        for (int i = blocks.size() - 1; i >= 0; i--) {
            // a block that held only dynamic content would now be empty, which Anthropic rejects
            if (blocks.get(i) != tail && blocks.get(i).path("text").isTextual() && blocks.get(i).path("text").textValue().isBlank()) {
                blocks.remove(i);
            }
        }
        if (tail != null) {
            SystemText t = new SystemText(tail, "text");
            t.set(DynamicTail.appendTo(t.text(), moved));
        } else {
            blocks.addObject().put("type", "text").put("text", DynamicTail.block(moved));
        }
        return moved.size();
    }

    /** Cuts the dynamic spans out of every text (never out of an existing tail); returns them in order. */
    private List<String> cut(List<SystemText> texts) {
        List<String> moved = new ArrayList<>();
        for (SystemText t : texts) {
            String text = t.text();
            int tailAt = DynamicTail.start(text);
            String scanned = tailAt < 0 ? text : text.substring(0, tailAt);
            List<DynamicSpan> spans = detector.find(scanned);
            if (spans.isEmpty()) {
                continue;
            }
            SpanRemover.Split split = SpanRemover.remove(scanned, spans);
            t.set(tailAt < 0 ? split.stable() : split.stable() + text.substring(tailAt));
            moved.addAll(split.moved());
        }
        return moved;
    }
}
