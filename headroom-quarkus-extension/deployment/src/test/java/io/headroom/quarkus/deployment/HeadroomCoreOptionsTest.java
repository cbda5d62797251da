package io.headroom.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.CcrDiskSync;
import io.headroom.ContextStrategy;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.ToolProfile;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every core option without a key in the original mapping is settable as quarkus.headroom.* and reaches the core. */
class HeadroomCoreOptionsTest {
    static final String DISK_PATH = "target/headroom-core-options-ccr";
    /** A second tool name for the same log fixture, compressed with its own bound. */
    static final String BOUNDED_TOOL = "query_logs";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Fixtures.class, EchoResource.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.headroom.ccr.disk-path", DISK_PATH)
            .overrideConfigKey("quarkus.headroom.ccr.disk-size-mb", "64")
            .overrideConfigKey("quarkus.headroom.ccr.disk-sync", "full")
            .overrideConfigKey("quarkus.headroom.ccr.scope-max-entries", "300")
            .overrideConfigKey("quarkus.headroom.ccr.scope-max-bytes", "1048576")
            .overrideConfigKey("quarkus.headroom.ccr.inject-tool", "false")
            .overrideConfigKey("quarkus.headroom.cache-aligner.enabled", "false")
            // One indexed key per pattern, so the comma inside the last one does not split it.
            .overrideConfigKey("quarkus.headroom.cache-aligner.patterns[0]", "build-[0-9a-f]{8}")
            .overrideConfigKey("quarkus.headroom.cache-aligner.patterns[1]", "req-\\d+")
            .overrideConfigKey("quarkus.headroom.cache-aligner.patterns[2]", "v\\d{1,3}\\.\\d+")
            .overrideConfigKey("quarkus.headroom.cache-control.enabled", "false")
            .overrideConfigKey("quarkus.headroom.code-compression.enabled", "true")
            .overrideConfigKey("quarkus.headroom.image.enabled", "true")
            .overrideConfigKey("quarkus.headroom.image.max-pixels", "1000000")
            .overrideConfigKey("quarkus.headroom.image.ocr.min-confidence", "92.5")
            .overrideConfigKey("quarkus.headroom.compact-rows", "true")
            .overrideConfigKey("quarkus.headroom.tool-profiles.search_logs.skip-compression", "true")
            .overrideConfigKey("quarkus.headroom.tool-profiles." + BOUNDED_TOOL + ".max-items-after-crush", "4")
            .overrideConfigKey("quarkus.headroom.tool-profiles.\"db.query\".skip-compression", "true")
            .overrideConfigKey("quarkus.headroom.tool-profiles.\"db.query\".max-items-after-crush", "30")
            .overrideConfigKey("quarkus.headroom.context.strategy", "rolling")
            .overrideConfigKey("quarkus.headroom.context.keep-last-turns", "5")
            .overrideConfigKey("quarkus.headroom.context.output-buffer-tokens", "1000")
            .overrideConfigKey("quarkus.headroom.context.compress-threshold", "0.25")
            .overrideConfigKey("quarkus.headroom.context.recency-decay-rate", "0.05")
            .overrideConfigKey("quarkus.headroom.ccr.expansion.enabled", "false")
            .overrideConfigKey("quarkus.headroom.ccr.expansion.min-score", "2.5")
            .overrideConfigKey("quarkus.headroom.ccr.expansion.max-tokens", "500")
            .overrideConfigKey("quarkus.headroom.ccr.expansion.max-conversations", "20");

    @Inject
    Headroom headroom;

    @Test
    void everyKeyReachesTheCore() {
        HeadroomConfig c = headroom.config();

        assertEquals(Path.of(DISK_PATH), c.ccr().diskPath().orElseThrow());
        assertEquals(64, c.ccr().diskSizeMb());
        assertEquals(CcrDiskSync.FULL, c.ccr().diskSync());
        assertEquals(300, c.ccr().scopeMaxEntries());
        assertEquals(1_048_576, c.ccr().scopeMaxBytes());
        assertFalse(c.ccr().injectTool());
        assertFalse(c.ccr().expansionEnabled());
        assertEquals(2.5, c.ccr().expansionMinScore());
        assertEquals(500, c.ccr().expansionMaxTokens());
        assertEquals(20, c.ccr().expansionMaxConversations());
        assertFalse(c.cacheAligner().enabled());
        assertEquals(List.of("build-[0-9a-f]{8}", "req-\\d+", "v\\d{1,3}\\.\\d+"), c.cacheAligner().patterns());
        assertFalse(c.cacheAligner().cacheControlEnabled());
        assertTrue(c.codeCompression().enabled());
        assertTrue(c.image().enabled());
        assertEquals(1_000_000, c.image().maxPixels());
        assertEquals(92.5, c.image().ocrMinConfidence());
        assertTrue(c.crusher().compactRows());
        assertEquals(Map.of(
                "search_logs", ToolProfile.skip(),
                BOUNDED_TOOL, ToolProfile.withMaxItems(4),
                "db.query", new ToolProfile(true, OptionalInt.of(30))), c.crusher().toolProfiles());
        assertEquals(ContextStrategy.ROLLING, c.context().strategy());
        assertEquals(5, c.context().keepLastTurns());
        assertEquals(1000, c.context().outputBufferTokens());
        assertEquals(0.25, c.context().compressThreshold());
        assertEquals(0.05, c.context().recencyDecayRate());

        // Nothing else moved: the options set here are the only differences from the core defaults.
        HeadroomConfig expected = HeadroomConfig.defaults().toBuilder()
                .ccr(s -> s.diskPath(Path.of(DISK_PATH)).diskSizeMb(64).diskSync(CcrDiskSync.FULL).scopeMaxEntries(300)
                        .scopeMaxBytes(1_048_576).injectTool(false).expansionEnabled(false).expansionMinScore(2.5)
                        .expansionMaxTokens(500).expansionMaxConversations(20))
                .cacheAligner(a -> a.enabled(false).patterns(c.cacheAligner().patterns()).cacheControlEnabled(false))
                .codeCompression(code -> code.enabled(true))
                .image(i -> i.enabled(true).maxPixels(1_000_000).ocrMinConfidence(92.5))
                .crusher(k -> k.compactRows(true)
                        .toolProfile("search_logs", ToolProfile.skip())
                        .toolProfile(BOUNDED_TOOL, ToolProfile.withMaxItems(4))
                        .toolProfile("db.query", new ToolProfile(true, OptionalInt.of(30))))
                .context(x -> x.strategy(ContextStrategy.ROLLING).keepLastTurns(5).outputBufferTokens(1000)
                        .compressThreshold(0.25).recencyDecayRate(0.05))
                .build();
        assertEquals(expected, c);
    }

    @Test
    void skippedToolOutputReachesTheHandlerUncompressed() {
        byte[] original = Fixtures.openAiChatRequest(); // its tool call is search_logs

        Response r = given().contentType("application/json").body(original).post("/v1/chat/completions");

        assertEquals(200, r.statusCode());
        assertEquals("false", r.header("x-headroom-compressed"));
        assertEquals(Fixtures.logs().toString(), Fixtures.openAiToolContent(Fixtures.parse(r.asByteArray())));
    }

    @Test
    void theSameOutputOfAnotherToolIsCompressed() {
        byte[] original = new String(Fixtures.openAiChatRequest(), StandardCharsets.UTF_8)
                .replace("\"search_logs\"", "\"" + BOUNDED_TOOL + "\"").getBytes(StandardCharsets.UTF_8);

        Response r = given().contentType("application/json").body(original).post("/v1/chat/completions");

        assertEquals(200, r.statusCode());
        assertEquals("true", r.header("x-headroom-compressed"));
        String tool = Fixtures.openAiToolContent(Fixtures.parse(r.asByteArray()));
        assertTrue(tool.length() < Fixtures.logs().toString().length(), "compressed to " + tool.length());
        assertTrue(tool.contains(Fixtures.ERROR_NEEDLE), "the ERROR item survives");
    }
}
