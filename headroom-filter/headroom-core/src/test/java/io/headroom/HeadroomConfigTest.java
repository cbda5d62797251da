package io.headroom;

import static io.headroom.ConfigAssertions.assertDocumentedDefaults;
import static io.headroom.ConfigAssertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The composition of the slices: one reader and writer of every option by its property name. */
class HeadroomConfigTest {

    @Test
    void defaultsAreEverySlicesDefaults() {
        HeadroomConfig d = HeadroomConfig.defaults();
        assertEquals(HeadroomConfig.DEFAULT_MODE, d.mode());
        assertSame(CrusherConfig.defaults(), d.crusher());
        assertSame(CcrConfig.defaults(), d.ccr());
        assertSame(CacheAlignerConfig.defaults(), d.cacheAligner());
        assertSame(CodeCompressionConfig.defaults(), d.codeCompression());
        assertSame(ContextConfig.defaults(), d.context());
        assertSame(LimitsConfig.defaults(), d.limits());
        assertSame(RetrieveConfig.defaults(), d.retrieve());
        assertEquals(d, HeadroomConfig.builder().build());
        assertEquals(d, HeadroomConfig.fromProperties(key -> null));
        Map<String, String> withBodyRead = new HashMap<>(d.toProperties());
        withBodyRead.putAll(BodyReadConfig.defaults().toProperties());
        assertDocumentedDefaults(HeadroomConfig.OPTIONS, withBodyRead);
    }

    @Test
    void optionsListEverySliceOnce() {
        List<ConfigOption> all = Stream.of(List.of(HeadroomConfig.OPTIONS.get(0)), LimitsConfig.OPTIONS,
                BodyReadConfig.OPTIONS, CrusherConfig.OPTIONS, CcrConfig.OPTIONS, CacheAlignerConfig.OPTIONS, CodeCompressionConfig.OPTIONS, ImageConfig.OPTIONS,
                ContextConfig.OPTIONS, RetrieveConfig.OPTIONS, LearningConfig.OPTIONS).flatMap(List::stream).toList();
        assertEquals(all, HeadroomConfig.OPTIONS);
        assertEquals(HeadroomConfig.MODE, HeadroomConfig.OPTIONS.get(0).name());
        // the same property names as before the slices: init-params and Quarkus keys must not move
        assertTrue(HeadroomConfig.OPTIONS.stream().map(ConfigOption::name).toList().containsAll(List.of(
                "mode", "min-tokens-to-crush", "min-items-to-analyze", "max-items-after-crush", "keep-first",
                "keep-last", "relevance-threshold", "anomaly-std-threshold", "preserve-errors", "ccr.enabled",
                "ccr.ttl-seconds", "ccr.max-entries", "ccr.disk-path", "ccr.disk-size-mb", "ccr.inject-tool",
                "ccr.disk-sync", "ccr.scope-max-entries", "ccr.scope-max-bytes",
                "cache-aligner.enabled", "cache-aligner.patterns", "cache-control.enabled", "max-body-bytes",
                "code-compression.enabled", "compact-rows", "tool-profiles", "context.strategy",
                "context.keep-last-turns", "context.output-buffer-tokens", "context.compress-threshold",
                "context.recency-decay-rate", "body-read-timeout-ms", "max-buffered-body-bytes")));
    }

    @Test
    void everyOptionIsReadIntoItsSlice() {
        Map<String, String> p = new HashMap<>();
        p.put("mode", "audit");
        p.put("keep-first", "4");
        p.put("ccr.ttl-seconds", "1800");
        p.put("cache-control.enabled", "false");
        p.put("code-compression.enabled", "true");
        p.put("context.strategy", "off");
        p.put("max-body-bytes", "8192");
        p.put("tool-profiles.search_logs.skip-compression", "true");

        HeadroomConfig c = HeadroomConfig.fromMap(p);

        HeadroomConfig expected = HeadroomConfig.builder().mode(Mode.AUDIT)
                .crusher(k -> k.keepFirst(4).toolProfile("search_logs", ToolProfile.skip()))
                .ccr(s -> s.ttl(Duration.ofMinutes(30)))
                .cacheAligner(a -> a.cacheControlEnabled(false))
                .codeCompression(code -> code.enabled(true))
                .context(x -> x.strategy(ContextStrategy.OFF))
                .limits(l -> l.maxBodyBytes(8192))
                .build();
        assertEquals(expected, c);
        assertNotEquals(HeadroomConfig.defaults(), c);
    }

    @Test
    void propertiesRoundTrip() {
        HeadroomConfig custom = HeadroomConfig.builder().mode(Mode.PASSTHROUGH)
                .crusher(k -> k.maxItemsAfterCrush(30).compactRows(true).toolProfile("db.query", ToolProfile.withMaxItems(3)))
                .ccr(s -> s.enabled(false).maxEntries(5))
                .cacheAligner(a -> a.patterns(List.of("req-\\d+")))
                .context(x -> x.keepLastTurns(4))
                .limits(l -> l.maxBodyBytes(1 << 20))
                .build();
        Map<String, String> properties = custom.toProperties();

        assertEquals(custom, HeadroomConfig.fromMap(properties));
        assertEquals(custom, HeadroomConfig.fromProperties(properties::get));
        assertEquals(custom, custom.toBuilder().build());
        assertTrue(custom.toString().contains("max-items-after-crush=30"), custom.toString());
    }

    @Test
    void aSliceEditStartsFromTheSliceSetSoFar() {
        HeadroomConfig c = HeadroomConfig.builder()
                .crusher(k -> k.keepFirst(5))
                .crusher(k -> k.keepLast(6))
                .build();
        assertEquals(5, c.crusher().keepFirst());
        assertEquals(6, c.crusher().keepLast());
    }

    @Test
    void refusalsNameTheOptionWhateverTheSlice() {
        assertRefused(HeadroomConfig.MODE, () -> HeadroomConfig.fromMap(Map.of("mode", "turbo")));
        assertRefused(HeadroomConfig.MODE, () -> HeadroomConfig.builder().mode(null));
        assertRefused(CrusherConfig.RELEVANCE_THRESHOLD, () -> HeadroomConfig.fromMap(Map.of("relevance-threshold", "1.5")));
        assertRefused(CcrConfig.DISK_SIZE_MB, () -> HeadroomConfig.fromMap(Map.of("ccr.disk-size-mb", "0")));
        assertRefused(ContextConfig.COMPRESS_THRESHOLD,
                () -> HeadroomConfig.builder().context(x -> x.compressThreshold(-1)));
        InvalidConfigException renamed = assertRefused("quarkus.headroom.keep-first",
                () -> { throw assertRefused(CrusherConfig.KEEP_FIRST, () -> CrusherConfig.builder().keepFirst(-1))
                        .forOption("quarkus.headroom.keep-first"); });
        assertEquals("-1 must be >= 0", renamed.detail());
    }
}
