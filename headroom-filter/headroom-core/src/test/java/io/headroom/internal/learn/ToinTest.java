package io.headroom.internal.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.LearningConfig;
import io.headroom.internal.crush.CrushHints;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToinTest {
    private static final String OUTPUT = "[{\"id\":1,\"team\":\"billing\"},{\"id\":2,\"team\":\"auth\"}]";
    private final String sig = ToolSignature.of("tickets", OUTPUT);

    @Test
    void theSignatureIsTheToolAndTheShapeNotTheValues() {
        assertEquals(sig, ToolSignature.of("tickets", "[{\"team\":\"x\",\"id\":99}]"));
        assertEquals(sig, ToolSignature.of("tickets", "{\"total\":2,\"results\":" + OUTPUT + "}"));
        assertNotEquals(sig, ToolSignature.of("alerts", OUTPUT));
        assertNotEquals(sig, ToolSignature.of("tickets", "[{\"id\":\"1\",\"team\":\"billing\"}]"));
        assertEquals("text", ToolSignature.shape("plain log line"));
        assertEquals("id:number,team:string", ToolSignature.shape("{\"tags\":[\"a\"],\"items\":" + OUTPUT + "}"));
    }

    @Test
    void belowTheThresholdThereAreNoHintsAndAboveItTheSearchedValueIsKept() {
        Toin toin = new Toin(LearningConfig.defaults(), Clock.systemUTC());
        for (int i = 0; i < 14; i++) {
            toin.recordCompression(sig, "tickets", 80, 15);
            toin.recordRetrieval(sig, "billing", List.of("{\"id\":" + i + ",\"team\":\"billing\"}",
                    "{\"id\":" + (100 + i) + ",\"team\":\"billing\"}"));
        }
        assertNull(toin.hintsFor("tickets", OUTPUT), "28 observations: confidence 0.28 < 0.3");
        toin.recordCompression(sig, "tickets", 80, 15);
        toin.recordRetrieval(sig, "billing", List.of("{\"id\":7,\"team\":\"billing\"}"));
        CrushHints hints = toin.hintsFor("tickets", OUTPUT);
        assertNotNull(hints);
        assertEquals(Map.of("team", Set.of("billing")), hints.preservedValues(), "ids differ, the team is common");
        assertEquals(1, toin.stats().learnedPatterns());
        assertNull(toin.hintsFor("alerts", OUTPUT), "another signature learned nothing");
    }

    @Test
    void aNeverRetrievedSignatureKeepsFewerItemsAndAnOftenFullyRetrievedOneMore() {
        Toin toin = new Toin(LearningConfig.defaults(), Clock.systemUTC());
        String other = ToolSignature.of("builds", OUTPUT);
        for (int i = 0; i < 30; i++) {
            toin.recordCompression(sig, "tickets", 80, 15);
            toin.recordCompression(other, "builds", 80, 15);
            if (i % 2 == 0) toin.recordRetrieval(other, null, List.of());
        }
        assertEquals(0.75, toin.hintsFor("tickets", OUTPUT).budgetScale());
        assertEquals(2.0, toin.hintsFor("builds", OUTPUT).budgetScale());
    }

    @Test
    void withoutAnyRetrievalSilenceChangesNothing() {
        Toin toin = new Toin(LearningConfig.defaults(), Clock.systemUTC());
        for (int i = 0; i < 60; i++) toin.recordCompression(sig, "tickets", 80, 15);
        assertNull(toin.hintsFor("tickets", OUTPUT), "no retrieval anywhere: the model may not be able to retrieve");
    }

    @Test
    void signaturesAreBoundedLeastRecentlyUsedFirst() {
        Toin toin = new Toin(LearningConfig.builder().maxSignatures(2).build(), Clock.systemUTC());
        toin.recordCompression("a".repeat(24), "a", 1, 1);
        toin.recordCompression("b".repeat(24), "b", 1, 1);
        toin.recordCompression("a".repeat(24), "a", 1, 1); // a used again: b is now the eldest
        toin.recordCompression("c".repeat(24), "c", 1, 1);
        assertEquals(List.of("a", "c"), toin.patterns().stream().map(p -> p.toolName()).sorted().toList());
        assertTrue(toin.stats().patternsTracked() == 2);
    }
}
