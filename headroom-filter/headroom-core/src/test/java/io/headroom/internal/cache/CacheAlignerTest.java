package io.headroom.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CacheAlignerConfig;
import io.headroom.Endpoint;
import io.headroom.ErrorType;
import io.headroom.HeadroomConfig;
import io.headroom.HeadroomException;
import io.headroom.InvalidConfigException;
import io.headroom.internal.tokens.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheAlignerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TokenCounter TOKENS = new TokenCounter();
    /** Opted in: the aligner is off by default. */
    private final CacheAligner aligner = new CacheAligner(CacheAlignerConfig.builder().enabled(true).build(), TOKENS);

    private static final String RULES = """
            You are the support assistant for Acme Cloud. Answer in the customer's language.

            ## Rules
            - Never reveal internal ticket notes.
            - Escalate billing disputes to a human.
            """;

    /** Five prompts from the same template that differ only in date, time and ids. */
    private static final String[][] VALUES = {
            {"Nov 25, 2026", "14:32:10 UTC", "3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60", "abc123", "2026-11-25T14:32:10Z"},
            {"Nov 26, 2026", "09:01:55 UTC", "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d", "x9y8z7", "2026-11-26T09:01:55Z"},
            {"Dec 1, 2026", "23:59:59 UTC", "00000000-1111-4222-8333-444444444444", "s-4410", "2026-12-01T23:59:59Z"},
            {"Jan 2, 2027", "00:00:01 UTC", "deadbeef-dead-4bee-8eef-deadbeefdead", "q1w2e3", "2027-01-02T00:00:01Z"},
            {"Feb 14, 2027", "12:00:00 UTC", "12345678-9abc-4def-8123-456789abcdef", "zz42", "2027-02-14T12:00:00.250+01:00"}};

    private static String prompt(String[] v) {
        return RULES + "\nToday is " + v[0] + ". Current time: " + v[1] + ".\nSession ID: " + v[2]
                + "\nsession_id: " + v[3] + "\nThe index was last rebuilt at " + v[4] + " and is read-only.\n\nBe concise.";
    }

    private static ObjectNode json(String s) {
        try {
            return (ObjectNode) JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode chat(String system) {
        ObjectNode root = JSON.createObjectNode().put("model", "gpt-4o");
        root.putArray("messages").addObject().put("role", "system").put("content", system);
        root.withArray("messages").addObject().put("role", "user").put("content", "Where is my invoice from 2026-10-01?");
        return root;
    }

    private static String stablePrefix(String aligned) {
        int tail = aligned.indexOf("\n\n" + DynamicTail.HEADER + "\n");
        return tail < 0 ? aligned : aligned.substring(0, tail);
    }

    /** Common prefix length of all texts divided by the length of the first. */
    private static double prefixStability(List<String> texts) {
        String first = texts.get(0);
        int common = first.length();
        for (String t : texts) {
            int i = 0;
            while (i < Math.min(common, t.length()) && first.charAt(i) == t.charAt(i)) i++;
            common = i;
        }
        return first.isEmpty() ? 1.0 : (double) common / first.length();
    }

    @Test
    void systemPromptsDifferingOnlyInDynamicValuesGetByteIdenticalPrefixes() {
        List<String> before = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (String[] v : VALUES) {
            ObjectNode request = chat(prompt(v));
            before.add(prompt(v));
            CacheAlignment result = aligner.align(request, Endpoint.OPENAI_CHAT);
            assertTrue(result.changed());
            assertEquals(List.of("cache_aligner"), result.transforms());
            assertEquals(5, result.movedSpans());
            String system = request.at("/messages/0/content").textValue();
            prefixes.add(stablePrefix(system));
            String tail = system.substring(stablePrefix(system).length());
            for (String value : v) {
                assertTrue(tail.contains(value), "value " + value + " is still sent, in the tail");
                assertFalse(stablePrefix(system).contains(value));
            }
            assertEquals("Where is my invoice from 2026-10-01?", request.at("/messages/1/content").textValue(),
                    "only system content is aligned");
        }
        assertTrue(prefixStability(before) < 0.9, "the raw prompts diverge early: " + prefixStability(before));
        assertEquals(1.0, prefixStability(prefixes));
        assertEquals(prefixes.get(0).length(), prefixes.get(4).length());
    }

    @Test
    void movesWholeLabelledClausesAndLeavesTheRestByteForByte() {
        ObjectNode request = chat(prompt(VALUES[0]));
        aligner.align(request, Endpoint.OPENAI_CHAT);
        assertEquals(RULES + "\nThe index was last rebuilt at and is read-only.\n\nBe concise.\n\n"
                + "[Dynamic context]\n"
                + "- Today is Nov 25, 2026\n"
                + "- Current time: 14:32:10 UTC\n"
                + "- Session ID: 3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60\n"
                + "- session_id: abc123\n"
                + "- 2026-11-25T14:32:10Z", request.at("/messages/0/content").textValue());
    }

    @Test
    void anthropicStringSystemBecomesAStableBlockPlusATailBlock() {
        List<String> stable = new ArrayList<>();
        for (String[] v : VALUES) {
            ObjectNode request = JSON.createObjectNode().put("model", "claude-sonnet-4-5").put("system", prompt(v));
            request.putArray("messages").addObject().put("role", "user").put("content", "hi");
            CacheAlignment r = aligner.align(request, Endpoint.ANTHROPIC_MESSAGES);
            assertEquals(0, r.breakpointsAdded(), "a short prompt is below the cacheable minimum");
            JsonNode system = request.get("system");
            assertEquals(2, system.size());
            stable.add(system.at("/0/text").textValue());
            assertTrue(system.at("/1/text").textValue().startsWith("[Dynamic context]\n- Today is " + v[0]));
        }
        assertEquals(1.0, prefixStability(stable));
    }

    @Test
    void responsesInstructionsAndTextPartsAreAlignedToo() {
        List<String> prefixes = new ArrayList<>();
        for (String[] v : VALUES) {
            ObjectNode request = JSON.createObjectNode().put("model", "gpt-4o").put("instructions", prompt(v));
            request.put("input", "hello");
            assertTrue(aligner.align(request, Endpoint.OPENAI_RESPONSES).changed());
            prefixes.add(stablePrefix(request.get("instructions").textValue()));
        }
        assertEquals(1.0, prefixStability(prefixes));

        ObjectNode parts = json("""
                {"model":"gpt-4o","messages":[
                  {"role":"developer","content":[{"type":"text","text":"Current date: 2026-11-25\\nYou are terse."},
                                                 {"type":"text","text":"Reply in English."}]},
                  {"role":"user","content":"hi"},
                  {"role":"system","content":"Late note dated 2026-11-25 stays: not part of the leading prefix."}]}""");
        assertEquals(1, aligner.align(parts, Endpoint.OPENAI_CHAT).movedSpans());
        assertEquals("You are terse.", parts.at("/messages/0/content/0/text").textValue());
        assertEquals("Reply in English.\n\n[Dynamic context]\n- Current date: 2026-11-25",
                parts.at("/messages/0/content/1/text").textValue());
        assertEquals("Late note dated 2026-11-25 stays: not part of the leading prefix.",
                parts.at("/messages/2/content").textValue());
    }

    @Test
    void aPromptWithoutDynamicContentIsLeftByteIdentical() throws Exception {
        String[] requests = {
                "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":\"" + RULES.replace("\n", "\\n")
                        + "Use a 16:9 aspect ratio, version 1.2.3, John 3:16, port 8080, 50% off.\"},"
                        + "{\"role\":\"user\",\"content\":\"Today is 2026-11-25\"}]}",
                "{\"model\":\"claude-sonnet-4-5\",\"system\":[{\"type\":\"text\",\"text\":\"Be kind.\"}],"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "{\"model\":\"claude-sonnet-4-5\",\"system\":\"Be kind.  Twice  spaced.\\n\\n\",\"messages\":[]}",
                "{\"model\":\"gpt-4o\",\"instructions\":\"Answer in French.\",\"input\":\"It is 10:30:00 UTC\"}"};
        Endpoint[] endpoints = {Endpoint.OPENAI_CHAT, Endpoint.ANTHROPIC_MESSAGES, Endpoint.ANTHROPIC_MESSAGES,
                Endpoint.OPENAI_RESPONSES};
        for (int i = 0; i < requests.length; i++) {
            ObjectNode request = json(requests[i]);
            assertSame(CacheAlignment.NONE, aligner.align(request, endpoints[i]));
            assertEquals(JSON.writeValueAsString(json(requests[i])), JSON.writeValueAsString(request));
        }
    }

    @Test
    void aligningTwiceChangesNothingMore() throws Exception {
        ObjectNode request = chat(prompt(VALUES[2]));
        aligner.align(request, Endpoint.OPENAI_CHAT);
        String once = JSON.writeValueAsString(request);
        assertSame(CacheAlignment.NONE, aligner.align(request, Endpoint.OPENAI_CHAT));
        assertEquals(once, JSON.writeValueAsString(request));

        ObjectNode anthropic = JSON.createObjectNode().put("model", "claude-sonnet-4-5").put("system", prompt(VALUES[2]));
        aligner.align(anthropic, Endpoint.ANTHROPIC_MESSAGES);
        String anthropicOnce = JSON.writeValueAsString(anthropic);
        assertSame(CacheAlignment.NONE, aligner.align(anthropic, Endpoint.ANTHROPIC_MESSAGES));
        assertEquals(anthropicOnce, JSON.writeValueAsString(anthropic));
    }

    @Test
    void anAllDynamicAnthropicBlockIsDroppedRatherThanLeftEmpty() throws Exception {
        ObjectNode request = json("""
                {"model":"claude-sonnet-4-5","system":[{"type":"text","text":"You are terse."},
                  {"type":"text","text":"Current date: 2026-11-25"}],"messages":[]}""");
        assertEquals(1, aligner.align(request, Endpoint.ANTHROPIC_MESSAGES).movedSpans());
        assertEquals(JSON.readTree("""
                [{"type":"text","text":"You are terse."},{"type":"text","text":"[Dynamic context]\\n- Current date: 2026-11-25"}]"""),
                request.get("system"));
    }

    @Test
    void configuredPatternsMoveToo() {
        HeadroomConfig config = HeadroomConfig.fromMap(Map.of(CacheAlignerConfig.ENABLED, "true", CacheAlignerConfig.PATTERNS,
                "Build \\d{3,}, Weather: [a-z]+"));
        assertEquals(List.of("Build \\d{3,}", "Weather: [a-z]+"), config.cacheAligner().patterns());
        CacheAligner custom = new CacheAligner(config.cacheAligner(), TOKENS);
        ObjectNode request = chat("Assistant for Build 48213 of the app.\nWeather: sunny\nStay polite.");
        assertEquals(2, custom.align(request, Endpoint.OPENAI_CHAT).movedSpans());
        assertEquals("Assistant for of the app.\nStay polite.\n\n[Dynamic context]\n- Build 48213\n- Weather: sunny",
                request.at("/messages/0/content").textValue());
    }

    @Test
    void disabledAlignerLeavesDynamicContent() {
        HeadroomConfig off = HeadroomConfig.fromMap(Map.of(CacheAlignerConfig.ENABLED, "false"));
        ObjectNode request = chat(prompt(VALUES[0]));
        assertSame(CacheAlignment.NONE, new CacheAligner(off.cacheAligner(), TOKENS).align(request, Endpoint.OPENAI_CHAT));
        assertEquals(prompt(VALUES[0]), request.at("/messages/0/content").textValue());
    }

    @Test
    void systemPromptsAreNotRewrittenByDefault() {
        assertFalse(CacheAlignerConfig.defaults().enabled());
        ObjectNode request = chat(prompt(VALUES[0]));
        assertSame(CacheAlignment.NONE,
                new CacheAligner(HeadroomConfig.defaults().cacheAligner(), TOKENS).align(request, Endpoint.OPENAI_CHAT));
        assertEquals(prompt(VALUES[0]), request.at("/messages/0/content").textValue());
    }

    @Test
    void anInvalidPatternIsAConfigurationError() {
        HeadroomException e = assertThrows(HeadroomException.class, () -> HeadroomConfig.fromMap(
                Map.of(CacheAlignerConfig.PATTERNS, "ok\\d+, broken(")));
        assertEquals(ErrorType.CONFIGURATION_ERROR, e.type());
        assertTrue(e.getMessage().contains(CacheAlignerConfig.PATTERNS) && e.getMessage().contains("broken("),
                e.getMessage());
        InvalidConfigException set = assertThrows(InvalidConfigException.class,
                () -> CacheAlignerConfig.builder().patterns(List.of("[unclosed")));
        assertEquals(CacheAlignerConfig.PATTERNS, set.option());
        HeadroomConfig withPatterns = HeadroomConfig.builder()
                .cacheAligner(c -> c.patterns(List.of("a+")).cacheControlEnabled(false)).build();
        assertEquals(withPatterns, withPatterns.toBuilder().build());
        assertNotEquals(HeadroomConfig.defaults(), withPatterns);
    }
}
