package io.headroom.internal.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.internal.tokens.TokenCounter;

/**
 * Places Anthropic {@code cache_control} breakpoints on the stable prefix of a Messages request: the
 * last stable system block (which caches tools + system) and, if a slot is left, the last tool
 * definition (which keeps the tools cached when the system prompt changes). Anthropic allows at most
 * {@value #MAX_BREAKPOINTS} per request, so the ones the client set (in tools, system and messages)
 * are counted first and never exceeded; a block that has one does not get another. A prefix below
 * the provider's minimum cacheable size gets none: it would not be cached but would use up a slot.
 */
final class CacheBreakpoints {
    static final int MAX_BREAKPOINTS = 4;
    private static final String CACHE_CONTROL = "cache_control";

    private final TokenCounter tokens;
    private final int minCacheableTokens;

    CacheBreakpoints(TokenCounter tokens, int minCacheableTokens) {
        this.tokens = tokens;
        this.minCacheableTokens = minCacheableTokens;
    }

    /** Adds breakpoints to {@code root} (an Anthropic Messages request); returns how many. */
    int place(ObjectNode root) {
        int room = MAX_BREAKPOINTS - existing(root);
        if (room <= 0) {
            return 0;
        }
        TokenCounter.Tokenizer tokenizer = tokens.forModel(root.path("model").asText(null));
        JsonNode tools = root.get("tools");
        int toolTokens = tools != null && tools.isArray() && !tools.isEmpty() ? tokenizer.count(tools.toString()) : 0;
        int added = 0;

        JsonNode system = root.get("system");
        int systemTokens = 0;
        ObjectNode lastStable = null;
        if (system != null && system.isTextual() && !system.textValue().isBlank()) {
            systemTokens = tokenizer.count(system.textValue());
        } else if (system != null && system.isArray()) {
            for (JsonNode block : system) {
                String text = block.path("text").asText("");
                if (block instanceof ObjectNode b && !text.isBlank() && !DynamicTail.isTail(text)) {
                    systemTokens += tokenizer.count(text);
                    lastStable = b;
                }
            }
        }
        if (systemTokens > 0 && toolTokens + systemTokens >= minCacheableTokens) {
            if (system.isTextual()) {
                // a string system prompt cannot carry cache_control: the same text as one block can
                lastStable = JsonNodeFactory.instance.objectNode().put("type", "text").put("text", system.textValue());
                ArrayNode blocks = JsonNodeFactory.instance.arrayNode().add(lastStable);
                root.set("system", blocks);
            }
            if (lastStable != null && !lastStable.has(CACHE_CONTROL)) {
                mark(lastStable);
                added++;
            }
        }
        if (added < room && toolTokens >= minCacheableTokens
                && tools.get(tools.size() - 1) instanceof ObjectNode lastTool && !lastTool.has(CACHE_CONTROL)) {
            mark(lastTool);
            added++;
        }
        return added;
    }

    private static void mark(ObjectNode node) {
        node.set(CACHE_CONTROL, JsonNodeFactory.instance.objectNode().put("type", "ephemeral"));
    }

    /** Breakpoints the client already set in tools, system and message content (tool results included). */
    static int existing(ObjectNode root) {
        int n = countIn(root.get("tools")) + countIn(root.get("system"));
        for (JsonNode message : root.path("messages")) {
            n += countIn(message.get("content"));
        }
        return n;
    }

    private static int countIn(JsonNode blocks) {
        int n = 0;
        if (blocks == null || !blocks.isArray()) {
            return 0;
        }
        for (JsonNode block : blocks) {
            if (block.path(CACHE_CONTROL).isObject()) {
                n++;
            }
            n += countIn(block.get("content")); // blocks nested in a tool_result
        }
        return n;
    }
}
