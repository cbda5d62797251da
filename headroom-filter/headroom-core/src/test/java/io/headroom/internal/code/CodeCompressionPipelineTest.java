package io.headroom.internal.code;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.RequestOutcome;
import io.headroom.internal.engine.CorpusCase;
import io.headroom.internal.tokens.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** long_conversation_40 (40 generated Python modules) through the proxied path with code compression on. */
class CodeCompressionPipelineTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern HASH = Pattern.compile("# \\[\\d+ lines compressed to \\d+\\. Retrieve more: hash=(\\w+)]\\n?$");

    @Test
    void generatedModulesCollapseOutsideTheProtectedTail() throws Exception {
        CorpusCase c = CorpusCase.load("long_conversation_40");
        byte[] body = c.body();
        JsonNode before = c.request().get("messages");
        try (Headroom h = Headroom.create(HeadroomConfig.builder().codeCompression(code -> code.enabled(true)).build())) {
            RequestOutcome o = h.process(Endpoint.OPENAI_CHAT, body, null);
            assertTrue(o.compressed() && !o.failedOpen(), o::toString);
            JsonNode after = MAPPER.readTree(o.body()).get("messages");
            assertEquals(before.size(), after.size(), "no message dropped: the conversation fits gpt-4o");
            assertEquals(before.get(0), after.get(0), "system prompt");
            assertArrayEquals(MAPPER.writeValueAsBytes(before.get(before.size() - 1)),
                    MAPPER.writeValueAsBytes(after.get(after.size() - 1)), "final user message byte-identical");
            assertToolPairs(after);
            for (String needle : c.mustKeep()) assertTrue(CorpusCase.allText(after).contains(needle), needle);

            int compressed = 0;
            for (int i = 0; i < before.size(); i++) {
                JsonNode b = before.get(i);
                JsonNode a = after.get(i);
                if (!"tool".equals(b.path("role").asText())) {
                    assertEquals(b, a, "message " + i + " is not a tool output and stays");
                    continue;
                }
                String original = b.get("content").asText();
                String now = a.get("content").asText();
                int fromEnd = before.size() - 1 - i;
                if (fromEnd < CodeCompressor.PROTECT_RECENT) {
                    assertEquals(original, now, "recent tool output " + i + " unchanged");
                    continue;
                }
                assertNotEquals(original, now, "old tool output " + i + " compressed");
                assertTrue(PythonBodyCollapser.looksValid(now), now);
                assertTrue(now.contains(" more definitions of the same shape omitted: "), now);
                Matcher m = HASH.matcher(now);
                assertTrue(m.find(), now);
                assertTrue(o.ccrHashes().contains(m.group(1)));
                assertEquals(original, h.retrieve(m.group(1), null).originalContent(), "CCR holds the original byte for byte");
                compressed++;
            }
            assertEquals(39, compressed);
            // every function of an old module is still named: m0 lists f0_2..f0_118 between the kept three
            String m0 = after.get(3).get("content").asText();
            assertTrue(m0.contains("def f0_0(x):") && m0.contains("def f0_1(x):") && m0.contains("def f0_119(x):"), m0);
            assertTrue(m0.contains("# 117 more definitions of the same shape omitted: f0_2..f0_118\n"), m0);

            var tokens = new TokenCounter().forModel("gpt-4o");
            int t0 = tokens.countExact(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            int t1 = tokens.countExact(new String(o.body(), java.nio.charset.StandardCharsets.UTF_8));
            double saved = 100.0 * (t0 - t1) / t0;
            assertTrue(saved > 50, "saved " + saved);
            System.out.printf("long_conversation_40 via process() with code compression: %d -> %d bytes, %d -> %d tokens"
                            + " (%.1f%% saved; outcome %d -> %d), %s%n", body.length, o.body().length, t0, t1, saved,
                    o.tokensBefore(), o.tokensAfter(), o.transformsApplied());
        }
    }

    @Test
    void withCodeCompressionOffTheConversationIsForwardedUnchanged() {
        CorpusCase c = CorpusCase.load("long_conversation_40");
        try (Headroom h = Headroom.create(HeadroomConfig.defaults())) {
            RequestOutcome o = h.process(Endpoint.OPENAI_CHAT, c.body(), null);
            assertFalse(o.compressed());
        }
    }

    /** Every assistant tool call is answered by a tool message with its id, after it, and vice versa. */
    private static void assertToolPairs(JsonNode messages) {
        List<String> open = new ArrayList<>();
        for (JsonNode m : messages) {
            for (JsonNode call : m.path("tool_calls")) open.add(call.get("id").asText());
            if ("tool".equals(m.path("role").asText())) {
                assertTrue(open.remove(m.get("tool_call_id").asText()), "tool output without a call: " + m.get("tool_call_id"));
            }
        }
        assertTrue(open.isEmpty(), "calls without output: " + open);
    }
}
