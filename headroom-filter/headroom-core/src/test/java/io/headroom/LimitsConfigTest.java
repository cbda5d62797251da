package io.headroom;

import static io.headroom.ConfigAssertions.assertDocumentedDefaults;
import static io.headroom.ConfigAssertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitsConfigTest {

    @Test
    void defaultsAreTheNamedConstants() {
        LimitsConfig d = LimitsConfig.defaults();
        assertEquals(LimitsConfig.DEFAULT_MAX_BODY_BYTES, d.maxBodyBytes());
        assertEquals(32L << 20, d.maxBodyBytes());
        assertEquals(d, LimitsConfig.fromProperties(key -> null));
        assertDocumentedDefaults(LimitsConfig.OPTIONS, d.toProperties());
    }

    @Test
    void everyRefusalNamesItsOption() {
        assertRefused(LimitsConfig.MAX_BODY_BYTES, () -> LimitsConfig.builder().maxBodyBytes(0));
        assertRefused(LimitsConfig.MAX_BODY_BYTES, () -> LimitsConfig.fromMap(Map.of(LimitsConfig.MAX_BODY_BYTES, "32M")));
    }

    @Test
    void propertiesRoundTrip() {
        LimitsConfig small = LimitsConfig.builder().maxBodyBytes(4096).build();
        assertEquals(Map.of(LimitsConfig.MAX_BODY_BYTES, "4096"), small.toProperties());
        assertEquals(small, LimitsConfig.fromMap(small.toProperties()));
        assertEquals(small, small.toBuilder().build());
    }
}
