package io.headroom;

import static io.headroom.ConfigAssertions.assertDocumentedDefaults;
import static io.headroom.ConfigAssertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheAlignerConfigTest {

    @Test
    void defaultsAreTheNamedConstants() {
        CacheAlignerConfig d = CacheAlignerConfig.defaults();
        assertEquals(CacheAlignerConfig.DEFAULT_ENABLED, d.enabled());
        assertEquals(CacheAlignerConfig.DEFAULT_PATTERNS, d.patterns());
        assertEquals(CacheAlignerConfig.DEFAULT_CACHE_CONTROL_ENABLED, d.cacheControlEnabled());
        assertEquals(d, CacheAlignerConfig.builder().build());
        assertEquals(d, CacheAlignerConfig.fromProperties(key -> null));
        assertDocumentedDefaults(CacheAlignerConfig.OPTIONS, d.toProperties());
    }

    @Test
    void everyRefusalNamesItsOption() {
        InvalidConfigException e = assertRefused(CacheAlignerConfig.PATTERNS,
                () -> CacheAlignerConfig.builder().patterns(List.of("ok\\d+", "broken(")));
        assertTrue(e.detail().contains("broken("), e.detail());
        assertRefused(CacheAlignerConfig.PATTERNS, () -> CacheAlignerConfig.builder().patterns(null));
        assertRefused(CacheAlignerConfig.PATTERNS, () -> CacheAlignerConfig.builder().patterns(Arrays.asList("a", null)));
        assertRefused(CacheAlignerConfig.PATTERNS,
                () -> CacheAlignerConfig.fromMap(Map.of(CacheAlignerConfig.PATTERNS, "ok\\d+, broken(")));
        assertRefused(CacheAlignerConfig.ENABLED, () -> CacheAlignerConfig.fromMap(Map.of(CacheAlignerConfig.ENABLED, "1")));
        assertRefused(CacheAlignerConfig.CACHE_CONTROL_ENABLED,
                () -> CacheAlignerConfig.fromMap(Map.of(CacheAlignerConfig.CACHE_CONTROL_ENABLED, "no")));
    }

    @Test
    void propertiesRoundTrip() {
        // commas that would separate patterns, inside and outside groups and classes
        List<String> patterns = List.of("Build \\d{3,}", "a,b", "[,;]x", "(c,d)", "lit\\\\,eral");
        CacheAlignerConfig custom = CacheAlignerConfig.builder().enabled(false).patterns(patterns)
                .cacheControlEnabled(false).build();
        Map<String, String> properties = custom.toProperties();

        assertEquals(custom, CacheAlignerConfig.fromMap(properties));
        assertEquals(patterns, CacheAlignerConfig.fromMap(properties).patterns());
        assertEquals(custom, custom.toBuilder().build());
        assertEquals(custom.hashCode(), CacheAlignerConfig.fromMap(properties).hashCode());
    }
}
