package io.headroom;

import static io.headroom.ConfigAssertions.assertDocumentedDefaults;
import static io.headroom.ConfigAssertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CrusherConfigTest {

    @Test
    void defaultsAreTheNamedConstants() {
        CrusherConfig d = CrusherConfig.defaults();
        assertEquals(CrusherConfig.DEFAULT_MIN_TOKENS_TO_CRUSH, d.minTokensToCrush());
        assertEquals(200, d.minTokensToCrush(), "the original project's default");
        assertEquals(CrusherConfig.DEFAULT_MIN_ITEMS_TO_ANALYZE, d.minItemsToAnalyze());
        assertEquals(CrusherConfig.DEFAULT_MAX_ITEMS_AFTER_CRUSH, d.maxItemsAfterCrush());
        assertEquals(CrusherConfig.DEFAULT_KEEP_FIRST, d.keepFirst());
        assertEquals(CrusherConfig.DEFAULT_KEEP_LAST, d.keepLast());
        assertEquals(CrusherConfig.DEFAULT_RELEVANCE_THRESHOLD, d.relevanceThreshold());
        assertEquals(CrusherConfig.DEFAULT_ANOMALY_STD_THRESHOLD, d.anomalyStdThreshold());
        assertEquals(CrusherConfig.DEFAULT_PRESERVE_ERRORS, d.preserveErrors());
        assertEquals(CrusherConfig.DEFAULT_COMPACT_ROWS, d.compactRows());
        assertEquals(Map.of(), d.toolProfiles());
        assertEquals(d, CrusherConfig.builder().build());
        assertEquals(d, CrusherConfig.fromProperties(key -> null));
        assertEquals(d, CrusherConfig.fromProperties(key -> "  "), "blank keeps the default");
        assertDocumentedDefaults(CrusherConfig.OPTIONS, d.toProperties());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments(CrusherConfig.MIN_TOKENS_TO_CRUSH, (Executable) () -> CrusherConfig.builder().minTokensToCrush(-1)),
                arguments(CrusherConfig.MIN_ITEMS_TO_ANALYZE, (Executable) () -> CrusherConfig.builder().minItemsToAnalyze(0)),
                arguments(CrusherConfig.MAX_ITEMS_AFTER_CRUSH, (Executable) () -> CrusherConfig.builder().maxItemsAfterCrush(0)),
                arguments(CrusherConfig.KEEP_FIRST, (Executable) () -> CrusherConfig.builder().keepFirst(-1)),
                arguments(CrusherConfig.KEEP_LAST, (Executable) () -> CrusherConfig.builder().keepLast(-1)),
                arguments(CrusherConfig.RELEVANCE_THRESHOLD, (Executable) () -> CrusherConfig.builder().relevanceThreshold(1.5)),
                arguments(CrusherConfig.RELEVANCE_THRESHOLD, (Executable) () -> CrusherConfig.builder().relevanceThreshold(Double.NaN)),
                arguments(CrusherConfig.ANOMALY_STD_THRESHOLD, (Executable) () -> CrusherConfig.builder().anomalyStdThreshold(0)),
                arguments(CrusherConfig.TOOL_PROFILES, (Executable) () -> CrusherConfig.builder().toolProfile(" ", ToolProfile.skip())),
                arguments(CrusherConfig.MAX_ITEMS_AFTER_CRUSH, (Executable) () -> ToolProfile.withMaxItems(0)),
                // the property readers name the option too, also for values that are not numbers at all
                arguments(CrusherConfig.KEEP_FIRST, (Executable) () -> CrusherConfig.fromMap(Map.of(CrusherConfig.KEEP_FIRST, "three"))),
                arguments(CrusherConfig.KEEP_FIRST, (Executable) () -> CrusherConfig.fromMap(Map.of(CrusherConfig.KEEP_FIRST, "9999999999"))),
                arguments(CrusherConfig.RELEVANCE_THRESHOLD, (Executable) () -> CrusherConfig.fromMap(Map.of(CrusherConfig.RELEVANCE_THRESHOLD, "high"))),
                arguments(CrusherConfig.PRESERVE_ERRORS, (Executable) () -> CrusherConfig.fromMap(Map.of(CrusherConfig.PRESERVE_ERRORS, "yes"))),
                arguments("tool-profiles.db.query.max-items-after-crush", (Executable) () -> CrusherConfig.fromMap(
                        Map.of("tool-profiles.db.query.max-items-after-crush", "0"))),
                arguments("tool-profiles.x.skip-compression", (Executable) () -> CrusherConfig.fromMap(
                        Map.of("tool-profiles.x.skip-compression", "maybe"))));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void everyRefusalNamesItsOption(String option, Executable action) {
        assertRefused(option, action);
    }

    @Test
    void aRefusedValueIsRefusedWhenSetNotLaterAtBuild() {
        CrusherConfig.Builder b = CrusherConfig.builder().keepFirst(7);
        assertRefused(CrusherConfig.KEEP_LAST, () -> b.keepLast(-2));
        assertEquals(CrusherConfig.DEFAULT_KEEP_LAST, b.build().keepLast(), "the refused value was not taken");
        assertEquals(7, b.build().keepFirst());
    }

    @Test
    void propertiesRoundTrip() {
        CrusherConfig custom = CrusherConfig.builder().minTokensToCrush(0).minItemsToAnalyze(9).maxItemsAfterCrush(40)
                .keepFirst(1).keepLast(0).relevanceThreshold(0.55).anomalyStdThreshold(3.5).preserveErrors(false)
                .compactRows(true)
                .toolProfile("search_logs", ToolProfile.skip())
                .toolProfile("db.query", new ToolProfile(true, OptionalInt.of(30)))
                .toolProfile("read_file", ToolProfile.withMaxItems(4))
                .build();
        Map<String, String> properties = custom.toProperties();

        assertEquals("9", properties.get(CrusherConfig.MIN_ITEMS_TO_ANALYZE));
        assertEquals("true", properties.get("tool-profiles.db.query.skip-compression"));
        assertEquals("30", properties.get("tool-profiles.db.query.max-items-after-crush"));
        assertEquals(custom, CrusherConfig.fromMap(properties));
        assertEquals(custom, CrusherConfig.fromProperties(properties::get), "the written list names every profile");
        assertEquals(custom, custom.toBuilder().build());
        assertEquals(custom.hashCode(), CrusherConfig.fromMap(properties).hashCode());
    }

    @Test
    void toolProfilesAreFoundFromMapKeysOrFromTheirList() {
        Map<String, String> keysOnly = Map.of("tool-profiles.a.skip-compression", "true",
                "tool-profiles.b.max-items-after-crush", "9");
        CrusherConfig fromMap = CrusherConfig.fromMap(keysOnly);
        assertTrue(fromMap.toolProfile("a").orElseThrow().skipCompression());
        assertEquals(OptionalInt.of(9), fromMap.toolProfile("b").orElseThrow().maxItemsAfterCrush());
        assertFalse(fromMap.toolProfile("b").orElseThrow().skipCompression());

        assertEquals(Map.of(), CrusherConfig.fromProperties(keysOnly::get).toolProfiles(),
                "a lookup cannot list its keys: profiles must be named under tool-profiles");
        Map<String, String> listed = Map.of("tool-profiles", " a , b ", "tool-profiles.a.skip-compression", "true",
                "tool-profiles.b.max-items-after-crush", "9");
        assertEquals(fromMap, CrusherConfig.fromProperties(listed::get));
    }
}
