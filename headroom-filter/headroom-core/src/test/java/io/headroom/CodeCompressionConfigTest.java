package io.headroom;

import static io.headroom.ConfigAssertions.assertDocumentedDefaults;
import static io.headroom.ConfigAssertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CodeCompressionConfigTest {

    @Test
    void defaultsAreTheNamedConstants() {
        CodeCompressionConfig d = CodeCompressionConfig.defaults();
        assertEquals(CodeCompressionConfig.DEFAULT_ENABLED, d.enabled());
        assertFalse(d.enabled(), "code is usually read to be worked on: off unless asked for");
        assertEquals(d, CodeCompressionConfig.fromProperties(key -> null));
        assertDocumentedDefaults(CodeCompressionConfig.OPTIONS, d.toProperties());
    }

    @Test
    void everyRefusalNamesItsOption() {
        assertRefused(CodeCompressionConfig.ENABLED,
                () -> CodeCompressionConfig.fromMap(Map.of(CodeCompressionConfig.ENABLED, "sometimes")));
    }

    @Test
    void propertiesRoundTrip() {
        CodeCompressionConfig on = CodeCompressionConfig.builder().enabled(true).build();
        assertEquals(Map.of(CodeCompressionConfig.ENABLED, "true"), on.toProperties());
        assertEquals(on, CodeCompressionConfig.fromMap(on.toProperties()));
        assertEquals(on, on.toBuilder().build());
    }
}
