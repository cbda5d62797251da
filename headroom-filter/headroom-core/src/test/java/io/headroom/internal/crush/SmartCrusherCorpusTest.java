package io.headroom.internal.crush;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.headroom.CrusherConfig;
import io.headroom.HeadroomConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SmartCrusher against copies of the conformance-corpus cases: needles kept, savings reached, JSON valid. */
class SmartCrusherCorpusTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    private static final String HASH = "a1b2c3d4e5f6";

    private final SmartCrusher crusher = new SmartCrusher(CrusherConfig.defaults());

    @ParameterizedTest
    @ValueSource(strings = {"json_logs_100", "json_logs_1000", "search_results_500", "db_rows_1000", "metrics_720",
            "file_paths_800", "responses_api_800", "anthropic_messages_600"})
    void keepsEveryNeedleAndReachesTheSavings(String name) {
        CorpusCase c = CorpusCase.load(name);
        CrushResult r = crusher.crush(c.toolOutput, c.lastUserText, HASH);

        assertTrue(r.changed(), name + " should be crushed");
        JsonNode out = assertDoesNotThrow(() -> MAPPER.readTree(r.content()), name + " output must be JSON");
        assertTrue(out.isContainerNode());
        for (String needle : c.mustKeep()) {
            assertTrue(r.content().contains(needle), name + " lost needle " + needle);
        }
        assertTrue(r.content().contains("items compressed to " + r.keptItemCount() + ". Retrieve more: hash=" + HASH + "]")
                || r.content().contains("Retrieve more: hash=" + HASH + "]"), name + " has no marker");
        assertTrue(r.keptItemCount() < r.originalItemCount());

        // Savings over the whole request, counting everything outside the tool output as overhead.
        int toolBefore = O200K.countTokens(c.toolOutput);
        int toolAfter = O200K.countTokens(r.content());
        int rest = O200K.countTokens(c.requestWith(""));
        double savings = 100.0 * (toolBefore - toolAfter) / (toolBefore + rest);
        double toolSavings = 100.0 * (toolBefore - toolAfter) / toolBefore;
        System.out.printf("%-24s items %4d -> %3d  tool tokens %6d -> %5d (%.1f%%)  request savings %.1f%% (min %d%%)%n",
                name, r.originalItemCount(), r.keptItemCount(), toolBefore, toolAfter, toolSavings, savings,
                c.minSavingsPercent());
        assertTrue(savings >= c.minSavingsPercent(), name + " saved only " + savings + "%");
    }

    @Test
    void malformedToolOutputPassesThroughUnchanged() {
        CorpusCase c = CorpusCase.load("malformed_400");
        CrushResult r = crusher.crush(c.toolOutput, c.lastUserText, HASH);
        assertFalse(r.changed());
        assertEquals(c.toolOutput, r.content());
    }

    @Test
    void shortObjectWithoutArraysPassesThroughUnchanged() {
        CorpusCase c = CorpusCase.load("short_1");
        CrushResult r = crusher.crush(c.toolOutput, c.lastUserText, HASH);
        assertFalse(r.changed());
        assertEquals(c.toolOutput, r.content());
    }
}
