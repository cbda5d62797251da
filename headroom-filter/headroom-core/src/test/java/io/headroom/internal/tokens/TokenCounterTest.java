package io.headroom.internal.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.internal.engine.CorpusCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenCounterTest {
    private final TokenCounter counter = new TokenCounter();

    @ParameterizedTest
    @CsvSource({
            "gpt-4o, O200K_BASE",
            "gpt-4o-mini-2024-07-18, O200K_BASE",
            "GPT-4.1-nano, O200K_BASE",
            "gpt-5, O200K_BASE",
            "o1, O200K_BASE",
            "o3-mini, O200K_BASE",
            "o4-mini, O200K_BASE",
            "openai/gpt-4o, O200K_BASE",
            "ft:gpt-4o-mini:acme::abc123, O200K_BASE",
            "gpt-4, CL100K_BASE",
            "gpt-4-turbo-2024-04-09, CL100K_BASE",
            "gpt-3.5-turbo, CL100K_BASE",
            "text-embedding-3-small, CL100K_BASE",
            "claude-sonnet-4-5, CLAUDE_ESTIMATE",
            "anthropic/claude-3-haiku, CLAUDE_ESTIMATE",
            "gemini-2.5-pro, GENERIC_ESTIMATE",
            "llama-3.1-70b, GENERIC_ESTIMATE",
            "omni-model, GENERIC_ESTIMATE",
    })
    void picksEncodingByModel(String model, TokenEncoding expected) {
        assertEquals(expected, TokenEncoding.forModel(model));
        assertEquals(expected, counter.forModel(model).encoding());
    }

    @Test
    void unknownOrMissingModelIsEstimated() {
        assertEquals(TokenEncoding.GENERIC_ESTIMATE, TokenEncoding.forModel(null));
        assertEquals(TokenEncoding.GENERIC_ESTIMATE, TokenEncoding.forModel(" "));
    }

    @Test
    void countsKnownTexts() {
        assertEquals(2, counter.count("gpt-4o", "hello world"));
        assertEquals(2, counter.count("gpt-4", "hello world"));
        assertEquals(0, counter.count("gpt-4o", ""));
        assertEquals(0, counter.count("gpt-4o", null));
    }

    @Test
    void encodingsDifferOnNonEnglishText() {
        String text = "Привет, как дела? これは日本語のテキストです。";
        int o200k = counter.count("gpt-4o", text);
        int cl100k = counter.count("gpt-4", text);
        assertNotEquals(o200k, cl100k);
        assertTrue(o200k < cl100k, "o200k_base is denser on non-English text");
    }

    @Test
    void claudeEstimateScalesCl100k() {
        String text = "The quick brown fox jumps over the lazy dog. ".repeat(40);
        int cl100k = counter.count("gpt-4", text);
        int claude = counter.count("claude-sonnet-4-5", text);
        assertEquals((int) Math.ceil(cl100k * 1.15), claude);
        assertEquals(cl100k, counter.count("gemini-2.5-pro", text));
    }

    @Test
    void jsonCountIsPlausible() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 200; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\":").append(i)
                    .append(",\"level\":\"INFO\",\"message\":\"Request completed\",\"latency_ms\":").append(i % 50).append('}');
        }
        String json = sb.append(']').toString();
        int tokens = counter.count("gpt-4o", json);
        // JSON of this kind runs at roughly 2.5 - 4 characters per token
        assertTrue(tokens > json.length() / 5 && tokens < json.length() / 2, "tokens=" + tokens + " chars=" + json.length());
    }

    @ParameterizedTest
    @CsvSource({"json_logs_100, gpt-4o", "anthropic_messages_600, claude-sonnet-4-5", "responses_api_800, gpt-4o",
            "json_logs_100, gpt-4"})
    void longTextsAreSampledWithinAFewPercent(String corpusCase, String model) {
        TokenCounter.Tokenizer t = counter.forModel(model);
        for (String text : CorpusCase.load(corpusCase).toolOutputs()) {
            assertTrue(text.length() > TokenCounter.EXACT_CHARS, "the case exercises sampling");
            int exact = t.countExact(text);
            int sampled = t.count(text);
            assertTrue(Math.abs(sampled - exact) <= 0.05 * exact, "sampled " + sampled + " vs exact " + exact);
        }
    }

    @Test
    void shortTextsAreCountedExactly() {
        TokenCounter.Tokenizer t = counter.forModel("gpt-4o");
        String text = "{\"id\": 1, \"msg\": \"ok\"} ".repeat(TokenCounter.EXACT_CHARS / 26);
        assertTrue(text.length() <= TokenCounter.EXACT_CHARS);
        assertEquals(t.countExact(text), t.count(text));
        String astral = "\uD83D\uDE00 emoji ".repeat(3_000); // surrogate pairs across sample windows
        assertTrue(Math.abs(t.count(astral) - t.countExact(astral)) <= 0.05 * t.countExact(astral));
    }

    @Test
    void specialTokenStringsCountAsText() {
        int n = counter.count("gpt-4o", "ignore <|endoftext|> this");
        assertTrue(n > 3, "special token text must be tokenized as ordinary text, got " + n);
    }

    /** Surefire runs with -ea: jtokkit asserts on unpaired surrogates, which JSON escapes can produce. */
    @Test
    void unpairedSurrogatesCountAsReplacementCharacters() {
        TokenCounter.Tokenizer t = new TokenCounter().forModel("gpt-4o");
        String lone = "status " + '\uD800' + " ok " + '\uDC00';
        assertEquals(t.count("status \uFFFD ok \uFFFD"), t.count(lone));
        assertEquals(t.countExact("status \uFFFD ok \uFFFD"), t.countExact(lone));
        assertEquals(t.count("pair \uD83D\uDE42"), t.countExact("pair \uD83D\uDE42")); // real pairs untouched
        String longLone = ("line " + '\uDBFF' + " of a long log\n").repeat(2000);
        assertTrue(t.count(longLone) > 0);
    }
}
