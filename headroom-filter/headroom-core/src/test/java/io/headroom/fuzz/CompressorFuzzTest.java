package io.headroom.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.ContentCompressor;
import io.headroom.HeadroomConfig;
import io.headroom.internal.code.CodeCompressor;
import io.headroom.internal.crush.SmartCrusher;
import io.headroom.internal.diff.DiffCompressor;
import io.headroom.internal.html.HtmlCompressor;
import io.headroom.internal.logs.LogCompressor;
import io.headroom.internal.route.ContentRouter;
import io.headroom.internal.route.Routed;
import io.headroom.internal.search.SearchCompressor;
import io.headroom.internal.text.TextCompressor;
import java.util.Map;

/**
 * Every compressor, and the router in front of them, on arbitrary strings: never throws, and a
 * changed result is strictly shorter than its input; SmartCrusher's changed output is valid JSON.
 */
class CompressorFuzzTest {
    private static final HeadroomConfig CONFIG = HeadroomConfig.builder()
            .crusher(k -> k.minTokensToCrush(1).minItemsToAnalyze(2)).codeCompression(code -> code.enabled(true)).build();
    private static final ContentRouter ROUTER = ContentRouter.create(CONFIG);
    private static final SmartCrusher CRUSHER = new SmartCrusher(CONFIG.crusher());
    private static final Map<String, ContentCompressor> COMPRESSORS = Map.of(
            "json", CRUSHER,
            "log", new LogCompressor(),
            "search", new SearchCompressor(),
            "diff", new DiffCompressor(),
            "html", new HtmlCompressor(),
            "text", new TextCompressor(),
            "code", new CodeCompressor(CONFIG.codeCompression()));
    private static final String[] NAMES = COMPRESSORS.keySet().stream().sorted().toArray(String[]::new);

    @FuzzTest(maxDuration = "5m")
    void router(FuzzedDataProvider data) {
        CompressionContext context = context(data);
        String content = data.consumeRemainingAsString();
        Routed routed = ROUTER.route(content, context);
        assertNotNull(routed);
        assertShrinksOrUnchanged(content, routed.result());
    }

    @FuzzTest(maxDuration = "5m")
    void eachCompressor(FuzzedDataProvider data) {
        String name = data.pickValue(NAMES);
        CompressionContext context = context(data);
        String content = data.consumeRemainingAsString();
        Compressed result = COMPRESSORS.get(name).compress(content, context);
        assertShrinksOrUnchanged(content, result);
        if ("json".equals(name) && result.changed()) {
            assertTrue(RequestInvariants.isJson(result.content().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    "SmartCrusher produced invalid JSON");
        }
    }

    private static CompressionContext context(FuzzedDataProvider data) {
        String query = data.consumeBoolean() ? data.consumeString(40) : null;
        String hash = data.consumeBoolean() ? "0123456789abcdef01234567" : null;
        String tool = data.consumeBoolean() ? data.consumeString(12) : null;
        return new CompressionContext(query, hash, tool, data.consumeInt(0, 20), data.consumeBoolean());
    }

    private static void assertShrinksOrUnchanged(String content, Compressed result) {
        assertNotNull(result, "a compressor returned null");
        assertNotNull(result.content(), "a compressor returned null content");
        if (result.changed()) {
            assertTrue(result.content().length() < content.length(),
                    "changed output is not strictly smaller: " + result.content().length() + " >= " + content.length());
        } else {
            assertEquals(content, result.content(), "an unchanged result must carry the original");
        }
    }
}
