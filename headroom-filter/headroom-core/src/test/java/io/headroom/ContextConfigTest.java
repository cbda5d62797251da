package io.headroom;

import static io.headroom.ConfigAssertions.assertDocumentedDefaults;
import static io.headroom.ConfigAssertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContextConfigTest {

    @Test
    void defaultsAreTheNamedConstants() {
        ContextConfig d = ContextConfig.defaults();
        assertEquals(ContextConfig.DEFAULT_STRATEGY, d.strategy());
        assertEquals(ContextConfig.DEFAULT_KEEP_LAST_TURNS, d.keepLastTurns());
        assertEquals(ContextConfig.DEFAULT_OUTPUT_BUFFER_TOKENS, d.outputBufferTokens());
        assertEquals(ContextConfig.DEFAULT_COMPRESS_THRESHOLD, d.compressThreshold());
        assertEquals(ContextConfig.DEFAULT_RECENCY_DECAY_RATE, d.recencyDecayRate());
        assertEquals(d, ContextConfig.fromProperties(key -> null));
        assertDocumentedDefaults(ContextConfig.OPTIONS, d.toProperties());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments(ContextConfig.STRATEGY, (Executable) () -> ContextConfig.builder().strategy(null)),
                arguments(ContextConfig.KEEP_LAST_TURNS, (Executable) () -> ContextConfig.builder().keepLastTurns(-1)),
                arguments(ContextConfig.OUTPUT_BUFFER_TOKENS, (Executable) () -> ContextConfig.builder().outputBufferTokens(-1)),
                arguments(ContextConfig.COMPRESS_THRESHOLD, (Executable) () -> ContextConfig.builder().compressThreshold(-0.1)),
                arguments(ContextConfig.RECENCY_DECAY_RATE, (Executable) () -> ContextConfig.builder().recencyDecayRate(Double.NaN)),
                arguments(ContextConfig.STRATEGY, (Executable) () -> ContextConfig.fromMap(Map.of(ContextConfig.STRATEGY, "smart"))),
                arguments(ContextConfig.KEEP_LAST_TURNS, (Executable) () -> ContextConfig.fromMap(Map.of(ContextConfig.KEEP_LAST_TURNS, "2.5"))));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void everyRefusalNamesItsOption(String option, Executable action) {
        assertRefused(option, action);
    }

    @Test
    void propertiesRoundTrip() {
        ContextConfig custom = ContextConfig.builder().strategy(ContextStrategy.ROLLING).keepLastTurns(5)
                .outputBufferTokens(1000).compressThreshold(0.25).recencyDecayRate(0.05).build();
        Map<String, String> properties = custom.toProperties();

        assertEquals("rolling", properties.get(ContextConfig.STRATEGY));
        assertEquals(custom, ContextConfig.fromMap(properties));
        assertEquals(custom, custom.toBuilder().build());
        assertEquals(ContextStrategy.ROLLING,
                ContextConfig.fromMap(Map.of(ContextConfig.STRATEGY, "rolling_window")).strategy(), "the original's name");
    }
}
