package io.headroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrieveConfigTest {

    @Test
    void defaultsAndPropertiesRoundTripThroughTheWholeConfig() {
        RetrieveConfig d = HeadroomConfig.defaults().retrieve();
        assertEquals(3, d.maxRounds());
        assertEquals(Duration.ofMinutes(2), d.roundTimeout());
        HeadroomConfig set = HeadroomConfig.fromMap(Map.of("retrieve.max-rounds", "0",
                "retrieve.round-timeout-ms", "500"));
        assertEquals(0, set.retrieve().maxRounds());
        assertEquals(500, set.retrieve().roundTimeoutMs());
        assertEquals(set, HeadroomConfig.fromMap(set.toProperties()));
        assertEquals(set.retrieve(), set.toBuilder().build().retrieve());
    }

    @Test
    void anInvalidValueIsRefusedNamingTheOption() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> RetrieveConfig.fromMap(Map.of("retrieve.max-rounds", "-1")));
        assertEquals("retrieve.max-rounds", e.option());
        assertEquals("retrieve.round-timeout-ms", assertThrows(InvalidConfigException.class,
                () -> RetrieveConfig.fromMap(Map.of("retrieve.round-timeout-ms", "0"))).option());
    }

    @Test
    void theSelfUriIsAnHttpOriginOrUnset() {
        assertEquals("", RetrieveConfig.defaults().selfUri());
        RetrieveConfig set = RetrieveConfig.fromMap(Map.of("retrieve.self-uri", " http://127.0.0.1:8080 "));
        assertEquals("http://127.0.0.1:8080", set.selfUri());
        assertEquals(set, RetrieveConfig.fromMap(set.toProperties()));
        assertEquals(RetrieveConfig.SELF_URI, assertThrows(InvalidConfigException.class,
                () -> RetrieveConfig.fromMap(Map.of("retrieve.self-uri", "localhost:8080"))).option());
        assertEquals(RetrieveConfig.SELF_URI, assertThrows(InvalidConfigException.class,
                () -> RetrieveConfig.fromMap(Map.of("retrieve.self-uri", "ftp://host"))).option());
    }
}
