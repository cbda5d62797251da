package io.headroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BodyReadConfigTest {

    @Test
    void defaultsAndPropertiesRoundTrip() {
        BodyReadConfig d = BodyReadConfig.defaults();
        assertEquals(30_000, d.bodyReadTimeoutMs());
        assertEquals(256L * 1024 * 1024, d.maxBufferedBodyBytes());
        BodyReadConfig set = BodyReadConfig.fromMap(Map.of("body-read-timeout-ms", "500", "max-buffered-body-bytes", "2048"));
        assertEquals(500, set.bodyReadTimeoutMs());
        assertEquals(2048, set.maxBufferedBodyBytes());
        assertEquals(set, BodyReadConfig.fromMap(set.toProperties()));
    }

    @Test
    void anInvalidValueIsRefusedNamingTheOption() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> BodyReadConfig.fromMap(Map.of("max-buffered-body-bytes", "0")));
        assertEquals("max-buffered-body-bytes", e.option());
    }
}
