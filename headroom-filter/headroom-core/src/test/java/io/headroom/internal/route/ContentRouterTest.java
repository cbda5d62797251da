package io.headroom.internal.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.ContentCompressor;
import io.headroom.ContentType;
import io.headroom.HeadroomConfig;
import io.headroom.internal.logs.LogCompressor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentRouterTest {
    private static final CompressionContext CTX = new CompressionContext("Why is CI red?", "feedfacefeedfacefeedface", "t", 3, false);

    @Test
    void routesEachTypeToItsCompressor() {
        List<String> seen = new ArrayList<>();
        ContentCompressor recorder = (content, context) -> {
            seen.add(content);
            return Compressed.unchanged(content);
        };
        ContentRouter router = new ContentRouter(new ContentDetector(), Map.of(
                ContentType.LOG, new LogCompressor(),
                ContentType.JSON, recorder));
        Routed log = router.route(Fixtures.toolOutput("pytest_log_1500"), CTX);
        assertEquals(ContentType.LOG, log.type());
        assertTrue(log.result().changed());
        assertTrue(seen.isEmpty());

        Routed json = router.route("[1,2,3]", CTX);
        assertEquals(ContentType.JSON, json.type());
        assertFalse(json.result().changed());
        assertEquals(1, seen.size());

        String grep = Fixtures.toolOutput("grep_1200");
        Routed unrouted = router.route(grep, CTX);
        assertEquals(ContentType.SEARCH, unrouted.type());
        assertFalse(unrouted.result().changed(), "a type without a compressor passes through");
        assertSame(grep, unrouted.result().content());
    }

    @Test
    void aFailingCompressorLeavesOnlyThatOutputUnchanged() {
        ContentRouter router = new ContentRouter(new ContentDetector(), Map.of(
                ContentType.LOG, (content, context) -> {
                    throw new IllegalStateException("boom");
                },
                ContentType.SEARCH, (content, context) -> {
                    throw new StackOverflowError();
                }));
        String log = Fixtures.toolOutput("pytest_log_1500");
        Routed r = router.route(log, CTX);
        assertEquals(ContentType.LOG, r.type());
        assertFalse(r.result().changed());
        assertEquals(log, r.result().content());
        assertFalse(router.route(Fixtures.toolOutput("grep_1200"), CTX).result().changed());
    }

    @Test
    void aResultThatIsNotSmallerOrIsNullIsDiscarded() {
        String log = Fixtures.toolOutput("pytest_log_1500");
        ContentRouter growing = new ContentRouter(new ContentDetector(), Map.of(
                ContentType.LOG, (content, context) -> new Compressed(true, content + "!", 1, 1)));
        assertFalse(growing.route(log, CTX).result().changed());
        ContentRouter nulls = new ContentRouter(new ContentDetector(), Map.of(ContentType.LOG, (content, context) -> null));
        assertFalse(nulls.route(log, CTX).result().changed());
    }

    @Test
    void productionWiringCompressesEveryLineOrientedType() {
        ContentRouter router = ContentRouter.create(HeadroomConfig.defaults());
        assertTrue(router.route(Fixtures.toolOutput("pytest_log_1500"), CTX).result().changed());
        assertTrue(router.route(Fixtures.toolOutput("grep_1200"),
                new CompressionContext("Where is reconcile_ledger_entries defined?", null, "grep", 0, false)).result().changed());
        assertTrue(router.route(Fixtures.text("git_diff.txt"), CTX).result().changed());
        Routed json = router.route("[" + "{\"id\":1,\"status\":\"ok\",\"v\":\"x\"},".repeat(300) + "{\"id\":2,\"status\":\"error\",\"v\":\"y\"}]", CTX);
        assertEquals(ContentType.JSON, json.type());
        assertTrue(json.result().changed());
    }

    @Test
    void transformNamesCarryTheTypeAndTheTokenRatio() {
        assertEquals("router:log:0.12", Routed.transformName(ContentType.LOG, 1000, 120));
        assertEquals("router:search:0.07", Routed.transformName(ContentType.SEARCH, 3000, 205));
        assertEquals("router:json:1.00", Routed.transformName(ContentType.JSON, 0, 0));
    }

    @Test
    void analysisIntentIsWholeWordAndCaseInsensitive() {
        assertTrue(AnalysisIntent.in("Please REVIEW this"));
        assertTrue(AnalysisIntent.in("can you fix the failing test?"));
        assertTrue(AnalysisIntent.in("Analyse the log"));
        assertTrue(AnalysisIntent.in("debug: why?"));
        assertFalse(AnalysisIntent.in("prefix suffixes reviewer"));
        assertFalse(AnalysisIntent.in("Why is CI red?"));
        assertFalse(AnalysisIntent.in(null));
    }
}
