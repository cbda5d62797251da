package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.CrusherConfig;
import io.headroom.LearnedPattern;
import io.headroom.LearningStats;
import io.headroom.StatsSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The learning endpoints' answers to the byte: key names, key order and number formats are what the original's
 * TypeScript SDK and scripts read, so each view is pinned on patterns of two tools (one with two signatures, hints
 * active on the less observed one) and one without a tool name.
 */
class LearningJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final LearningJson JSON = new LearningJson(MAPPER, CrusherConfig.defaults());

    private static final LearnedPattern SEARCH_A = new LearnedPattern("a1b2c3d4e5f6a7b8c9d0", "search", 40, 4000, 600,
            12, 3, 8, 1, 0.8125, false, 1.0, terms("error", 5L, "timeout", 3L), terms("id", 7L, "status", 2L),
            List.of("status=failed"), 1_700_000_000_123L);
    private static final LearnedPattern SEARCH_B = new LearnedPattern("ffee0011223344556677", "search", 10, 500, 90,
            6, 6, 0, 0, 0.9, true, 1.5, terms("timeout", 4L, "disk", 1L), terms("status", 3L),
            List.of(), 1_700_000_100_000L);
    private static final LearnedPattern UNNAMED = new LearnedPattern("0123", null, 0, 0, 0,
            0, 0, 0, 0, 0.0, false, 1.0, Map.of(), Map.of(), List.of(), 0L);
    private static final List<LearnedPattern> PATTERNS = List.of(SEARCH_A, SEARCH_B, UNNAMED);
    private static final LearningStats STATS = new LearningStats(true, 3, 50, 18, 1, 1, 18, 2, 7);
    private static final StatsSnapshot ENGINE = StatsSnapshot.builder().requestsTotal(9).requestsCompressed(7)
            .tokensBefore(12_000).tokensAfter(3_000).build();

    private static Map<String, Long> terms(Object... keysAndCounts) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndCounts.length; i += 2) {
            m.put((String) keysAndCounts[i], (Long) keysAndCounts[i + 1]);
        }
        return m;
    }

    private static String write(JsonNode node) throws Exception {
        return MAPPER.writeValueAsString(node);
    }

    @Test
    void toinStatsKeepsTheOriginalsSixFieldsFirst() throws Exception {
        assertEquals("{\"enabled\":true,\"patterns_tracked\":3,\"total_compressions\":50,"
                + "\"total_retrievals\":18,\"global_retrieval_rate\":0.36,"
                + "\"patterns_with_recommendations\":1,\"learned_patterns\":1,"
                + "\"feedback_events\":18,\"feedback_unknown\":2,\"hint_applications\":7}",
                write(JSON.toinStats(STATS)));
    }

    @Test
    void patternListSummarisesTheFirstSignatures() throws Exception {
        assertEquals("[{\"hash\":\"a1b2c3d4e5f6\",\"compressions\":40,\"retrievals\":12,"
                + "\"retrieval_rate\":\"30.0%\",\"confidence\":0.813,\"skip_recommended\":false,"
                + "\"optimal_max_items\":15},{\"hash\":\"ffee00112233\",\"compressions\":10,"
                + "\"retrievals\":6,\"retrieval_rate\":\"60.0%\",\"confidence\":0.9,"
                + "\"skip_recommended\":false,\"optimal_max_items\":23}]",
                write(JSON.patternList(PATTERNS, 2)));
    }

    @Test
    void patternShowsEveryLearnedStatistic() throws Exception {
        assertEquals("{\"signature_hash\":\"ffee0011223344556677\",\"tool_name\":\"search\","
                + "\"total_compressions\":10,\"total_items_seen\":500,\"total_items_kept\":90,"
                + "\"total_retrievals\":6,\"full_retrievals\":6,\"search_retrievals\":0,"
                + "\"error_retrievals\":0,\"retrieval_rate\":0.6,\"full_retrieval_rate\":1.0,"
                + "\"confidence\":0.9,\"hints_active\":true,\"max_items_factor\":1.5,"
                + "\"optimal_max_items\":23,\"skip_compression_recommended\":false,"
                + "\"query_terms\":{\"timeout\":4,\"disk\":1},"
                + "\"retrieved_fields\":{\"status\":3},\"preserved_values\":[],"
                + "\"last_updated\":1.7000001E9}",
                write(JSON.pattern(SEARCH_B)));
    }

    @Test
    void feedbackAddsUpTheSignaturesOfEachTool() throws Exception {
        assertEquals("{\"feedback\":{\"total_compressions\":50,\"total_retrievals\":18,"
                + "\"global_retrieval_rate\":0.36,\"tools_tracked\":2,"
                + "\"tool_patterns\":{\"search\":{\"compressions\":50,\"retrievals\":18,"
                + "\"retrieval_rate\":0.36,\"full_rate\":0.5,\"search_rate\":0.4444444444444444,"
                + "\"common_queries\":[\"timeout\",\"error\",\"disk\"],"
                + "\"queried_fields\":[\"id\",\"status\"]},\"unknown\":{\"compressions\":0,"
                + "\"retrievals\":0,\"retrieval_rate\":0.0,\"full_rate\":0.0,"
                + "\"search_rate\":0.0,\"common_queries\":[],\"queried_fields\":[]}}},"
                + "\"hints_example\":{\"search\":{\"hints\":{\"max_items\":23,"
                + "\"suggested_items\":[],\"skip_compression\":false,"
                + "\"preserve_fields\":[\"id\",\"status\"],"
                + "\"reason\":\"learned from 18 retrievals of 50 compressions\"}},"
                + "\"unknown\":{\"hints\":{\"max_items\":15,\"suggested_items\":[],"
                + "\"skip_compression\":false,\"preserve_fields\":[],"
                + "\"reason\":\"no observations\"}}}}",
                write(JSON.feedback(STATS, PATTERNS)));
    }

    @Test
    void feedbackForAToolShowsItsHintsAndTotals() throws Exception {
        assertEquals("{\"tool_name\":\"search\",\"hints\":{\"max_items\":23,\"min_items\":5,"
                + "\"suggested_items\":[],\"aggressiveness\":0.8466666666666667,"
                + "\"skip_compression\":false,\"preserve_fields\":[\"id\",\"status\"],"
                + "\"reason\":\"learned from 18 retrievals of 50 compressions\"},"
                + "\"pattern\":{\"total_compressions\":50,\"total_retrievals\":18,"
                + "\"retrieval_rate\":0.36,\"full_retrieval_rate\":0.5,"
                + "\"search_rate\":0.4444444444444444,\"common_queries\":[\"timeout\",\"error\","
                + "\"disk\"],\"queried_fields\":[\"id\",\"status\"]}}",
                write(JSON.feedbackForTool("search", PATTERNS)));
    }

    @Test
    void feedbackForAnUnseenToolHasDefaultHintsAndNoPattern() throws Exception {
        assertEquals("{\"tool_name\":\"unknown-tool\",\"hints\":{\"max_items\":15,\"min_items\":5,"
                + "\"suggested_items\":[],\"aggressiveness\":0.0,\"skip_compression\":false,"
                + "\"preserve_fields\":[],\"reason\":\"no observations\"},\"pattern\":null}",
                write(JSON.feedbackForTool("unknown-tool", PATTERNS)));
    }

    @Test
    void telemetryComputesTheOriginalsFigures() throws Exception {
        assertEquals("{\"enabled\":true,\"total_compressions\":50,\"total_retrievals\":18,"
                + "\"total_tokens_saved\":9000,\"global_retrieval_rate\":0.36,"
                + "\"tool_signatures_tracked\":3,\"events_in_memory\":0,"
                + "\"avg_compression_ratio\":0.15333333333333332,\"avg_token_reduction\":0.75,"
                + "\"local_only\":true}",
                write(JSON.telemetry(STATS, PATTERNS, ENGINE)));
    }

    @Test
    void telemetryToolsListsEverySignature() throws Exception {
        assertEquals("{\"tool_count\":1,"
                + "\"tools\":{\"a1b2c3d4e5f6a7b8c9d0\":{\"signature_hash\":\"a1b2c3d4e5f6a7b8c9d0\","
                + "\"tool_name\":\"search\",\"total_compressions\":40,\"total_items_seen\":4000,"
                + "\"total_items_kept\":600,\"total_retrievals\":12,\"full_retrievals\":3,"
                + "\"search_retrievals\":8,\"error_retrievals\":1,\"retrieval_rate\":0.3,"
                + "\"full_retrieval_rate\":0.25,\"confidence\":0.8125,\"hints_active\":false,"
                + "\"max_items_factor\":1.0,\"optimal_max_items\":15,"
                + "\"skip_compression_recommended\":false,\"query_terms\":{\"error\":5,"
                + "\"timeout\":3},\"retrieved_fields\":{\"id\":7,\"status\":2},"
                + "\"preserved_values\":[\"status=failed\"],"
                + "\"last_updated\":1.700000000123E9}}}",
                write(JSON.telemetryTools(List.of(SEARCH_A))));
    }

    @Test
    void telemetryToolAddsTheRecommendations() throws Exception {
        assertEquals("{\"signature_hash\":\"ffee0011223344556677\","
                + "\"stats\":{\"signature_hash\":\"ffee0011223344556677\","
                + "\"tool_name\":\"search\",\"total_compressions\":10,\"total_items_seen\":500,"
                + "\"total_items_kept\":90,\"total_retrievals\":6,\"full_retrievals\":6,"
                + "\"search_retrievals\":0,\"error_retrievals\":0,\"retrieval_rate\":0.6,"
                + "\"full_retrieval_rate\":1.0,\"confidence\":0.9,\"hints_active\":true,"
                + "\"max_items_factor\":1.5,\"optimal_max_items\":23,"
                + "\"skip_compression_recommended\":false,\"query_terms\":{\"timeout\":4,"
                + "\"disk\":1},\"retrieved_fields\":{\"status\":3},\"preserved_values\":[],"
                + "\"last_updated\":1.7000001E9},\"recommendations\":{\"hints_active\":true,"
                + "\"optimal_max_items\":23,\"preserve_values\":[]}}",
                write(JSON.telemetryTool(SEARCH_B)));
    }
}
