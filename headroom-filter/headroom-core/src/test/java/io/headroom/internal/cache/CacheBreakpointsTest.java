package io.headroom.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CacheAlignerConfig;
import io.headroom.Endpoint;
import io.headroom.HeadroomConfig;
import io.headroom.internal.tokens.TokenCounter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheBreakpointsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TokenCounter TOKENS = new TokenCounter();
    /** With the opt-in aligner on, so that breakpoints are seen next to a dynamic tail. */
    private final CacheAligner aligner = new CacheAligner(CacheAlignerConfig.builder().enabled(true).build(), TOKENS);

    /** A system prompt well above 1024 tokens, with a date in it. */
    private static String bigSystem() {
        StringBuilder sb = new StringBuilder("You are the Acme operations assistant. Today is Nov 25, 2026.\n");
        for (int i = 0; i < 150; i++) {
            sb.append("Rule ").append(i).append(": check the runbook section ").append(i).append(" before acting.\n");
        }
        return sb.toString();
    }

    private static ArrayNode bigTools() {
        ArrayNode tools = JSON.createArrayNode();
        for (int i = 0; i < 40; i++) {
            ObjectNode t = tools.addObject().put("name", "tool_" + i)
                    .put("description", "Looks up records of kind " + i + " in the operations database by id or name.");
            t.putObject("input_schema").put("type", "object").putObject("properties")
                    .putObject("id").put("type", "string").put("description", "record id of kind " + i);
        }
        return tools;
    }

    private static ObjectNode request(int existingBreakpoints) {
        ObjectNode root = JSON.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 100);
        root.set("tools", bigTools());
        root.put("system", bigSystem());
        ArrayNode messages = root.putArray("messages");
        for (int i = 0; i < 4; i++) {
            ObjectNode block = messages.addObject().put("role", i % 2 == 0 ? "user" : "assistant")
                    .putArray("content").addObject().put("type", "text").put("text", "turn " + i);
            if (i < existingBreakpoints) {
                block.putObject("cache_control").put("type", "ephemeral");
            }
        }
        return root;
    }

    private static int count(JsonNode root) {
        return CacheBreakpoints.existing((ObjectNode) root);
    }

    @Test
    void marksTheStableSystemBlockAndTheLastTool() {
        ObjectNode root = request(0);
        CacheAlignment r = aligner.align(root, Endpoint.ANTHROPIC_MESSAGES);
        assertEquals(List.of("cache_aligner", "cache_control:2"), r.transforms());
        JsonNode system = root.get("system");
        assertEquals(2, system.size());
        assertEquals("ephemeral", system.at("/0/cache_control/type").textValue(), "the stable block is the breakpoint");
        assertFalse(system.get(1).has("cache_control"), "the dynamic tail is after the breakpoint");
        assertTrue(system.at("/1/text").textValue().contains("Today is Nov 25, 2026"));
        assertEquals("ephemeral", root.at("/tools/39/cache_control/type").textValue());
        assertFalse(root.at("/tools/38").has("cache_control"));
        assertEquals(2, count(root));

        assertSame(CacheAlignment.NONE, aligner.align(root, Endpoint.ANTHROPIC_MESSAGES), "never duplicated");
        assertEquals(2, count(root));
    }

    @Test
    void neverExceedsFourBreakpoints() {
        for (int existing = 0; existing <= 4; existing++) {
            ObjectNode root = request(existing);
            CacheAlignment r = aligner.align(root, Endpoint.ANTHROPIC_MESSAGES);
            assertEquals(Math.min(2, 4 - existing), r.breakpointsAdded(), "with " + existing + " already set");
            assertEquals(Math.min(4, existing + 2), count(root));
            if (existing == 3) {
                assertTrue(root.at("/system/0/cache_control").isObject(), "the system prefix gets the last slot");
                assertFalse(root.at("/tools/39").has("cache_control"));
            }
        }
    }

    @Test
    void countsBreakpointsNestedInToolResultsAndOnSystemBlocks() {
        ObjectNode root = request(2);
        root.withArray("messages").addObject().put("role", "user").putArray("content").addObject()
                .put("type", "tool_result").put("tool_use_id", "t1").putArray("content").addObject()
                .put("type", "text").put("text", "out").putObject("cache_control").put("type", "ephemeral");
        assertEquals(3, count(root));
        assertEquals(1, aligner.align(root, Endpoint.ANTHROPIC_MESSAGES).breakpointsAdded());
        assertEquals(4, count(root));
    }

    @Test
    void aClientBreakpointOnTheSystemIsKeptAndNotDoubled() throws Exception {
        ObjectNode root = request(0);
        root.remove("tools");
        ArrayNode system = root.putArray("system");
        system.addObject().put("type", "text").put("text", bigSystem().replace("Today is Nov 25, 2026.", "No dates."))
                .putObject("cache_control").put("type", "ephemeral");
        String before = JSON.writeValueAsString(root);
        assertSame(CacheAlignment.NONE, aligner.align(root, Endpoint.ANTHROPIC_MESSAGES));
        assertEquals(before, JSON.writeValueAsString(root));
    }

    @Test
    void smallPrefixesAndDisabledCacheControlGetNone() throws Exception {
        ObjectNode small = JSON.createObjectNode().put("model", "claude-sonnet-4-5").put("system", "Be brief.");
        small.putArray("messages");
        String before = JSON.writeValueAsString(small);
        assertSame(CacheAlignment.NONE, aligner.align(small, Endpoint.ANTHROPIC_MESSAGES));
        assertEquals(before, JSON.writeValueAsString(small), "a string system stays a string");

        CacheAligner off = new CacheAligner(
                CacheAlignerConfig.fromProperties(Map.of(CacheAlignerConfig.CACHE_CONTROL_ENABLED, "false")::get), TOKENS);
        ObjectNode root = request(0);
        assertEquals(0, off.align(root, Endpoint.ANTHROPIC_MESSAGES).breakpointsAdded());
        assertEquals(0, count(root));

        ObjectNode openai = JSON.createObjectNode().put("model", "gpt-4o");
        openai.set("tools", bigTools());
        openai.putArray("messages").addObject().put("role", "system").put("content", bigSystem().replace("Today is Nov 25, 2026.", ""));
        assertSame(CacheAlignment.NONE, aligner.align(openai, Endpoint.OPENAI_CHAT), "cache_control is Anthropic-only");
    }
}
