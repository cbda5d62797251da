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
        assertEquals(LimitsConfig.DEFAULT_COMPRESSION_DEADLINE_MS, d.compressionDeadlineMs());
        assertEquals(2000, d.compressionDeadlineMs());
        assertEquals(d, LimitsConfig.fromProperties(key -> null));
        assertDocumentedDefaults(LimitsConfig.OPTIONS, d.toProperties());
    }

    @Test
    void everyRefusalNamesItsOption() {
        assertRefused(LimitsConfig.MAX_BODY_BYTES, () -> LimitsConfig.builder().maxBodyBytes(0));
        assertRefused(LimitsConfig.MAX_BODY_BYTES, () -> LimitsConfig.fromMap(Map.of(LimitsConfig.MAX_BODY_BYTES, "32M")));
        assertRefused(LimitsConfig.COMPRESSION_DEADLINE_MS, () -> LimitsConfig.builder().compressionDeadlineMs(0));
        assertRefused(LimitsConfig.COMPRESSION_DEADLINE_MS, () -> LimitsConfig.builder().compressionDeadlineMs(-5));
        assertRefused(LimitsConfig.COMPRESSION_DEADLINE_MS,
                () -> LimitsConfig.fromMap(Map.of(LimitsConfig.COMPRESSION_DEADLINE_MS, "2s")));
    }

    @Test
    void propertiesRoundTrip() {
        LimitsConfig small = LimitsConfig.builder().maxBodyBytes(4096).compressionDeadlineMs(250).build();
        assertEquals(Map.of(LimitsConfig.MAX_BODY_BYTES, "4096", LimitsConfig.COMPRESSION_DEADLINE_MS, "250"),
                small.toProperties());
        assertEquals(small, LimitsConfig.fromMap(small.toProperties()));
        assertEquals(small, small.toBuilder().build());
    }
}
