package io.headroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LearningConfigTest {

    @Test
    void defaultsAndPropertiesRoundTripThroughTheWholeConfig() {
        LearningConfig d = HeadroomConfig.defaults().learning();
        assertTrue(d.enabled());
        assertEquals(0.3, d.confidenceThreshold());
        assertEquals(1000, d.maxSignatures());
        assertEquals(Optional.empty(), d.path());
        HeadroomConfig set = HeadroomConfig.fromMap(Map.of("learning.enabled", "false",
                "learning.toin.confidence-threshold", "0.5", "learning.toin.max-signatures", "10",
                "learning.toin.path", "/tmp/x.json", "learning.toin.save-interval-seconds", "5"));
        assertEquals(false, set.learning().enabled());
        assertEquals(0.5, set.learning().confidenceThreshold());
        assertEquals(10, set.learning().maxSignatures());
        assertEquals(Optional.of(Path.of("/tmp/x.json")), set.learning().path());
        assertEquals(5, set.learning().saveIntervalSeconds());
        assertEquals(set, HeadroomConfig.fromMap(set.toProperties()));
        assertTrue(HeadroomConfig.OPTIONS.stream().anyMatch(o -> o.name().equals(LearningConfig.CONFIDENCE_THRESHOLD)));
    }

    @Test
    void theStateLivesBesideTheCcrDiskTierUnlessAPathIsSet() {
        CcrConfig disk = CcrConfig.builder().diskPath(Path.of("/var/ccr")).build();
        assertEquals(Optional.of(Path.of("/var/ccr", LearningConfig.DEFAULT_FILE_NAME)),
                LearningConfig.defaults().stateFile(disk));
        assertEquals(Optional.empty(), LearningConfig.defaults().stateFile(CcrConfig.defaults()));
        assertEquals(Optional.of(Path.of("/s.json")),
                LearningConfig.builder().path(Path.of("/s.json")).build().stateFile(disk));
    }

    @Test
    void anInvalidValueIsRefusedNamingTheOption() {
        assertEquals(LearningConfig.CONFIDENCE_THRESHOLD, assertThrows(InvalidConfigException.class,
                () -> LearningConfig.fromMap(Map.of(LearningConfig.CONFIDENCE_THRESHOLD, "1.5"))).option());
        assertEquals(LearningConfig.MAX_SIGNATURES, assertThrows(InvalidConfigException.class,
                () -> LearningConfig.fromMap(Map.of(LearningConfig.MAX_SIGNATURES, "0"))).option());
    }
}
