package io.headroom.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CrusherConfig;
import io.headroom.LearnedPattern;
import io.headroom.LearningStats;
import io.headroom.StatsSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The original proxy's answers of {@code /v1/feedback*}, {@code /v1/toin/*} and {@code /v1/telemetry*}
 * ({@code headroom/proxy/server.py}), built from the core's learned patterns ({@link LearnedPattern}). Where the
 * original has three learners (feedback per tool name, TOIN and telemetry per signature), the core has one, so
 * all three views read the same patterns: per tool name the signatures of that tool add up.
 */
final class LearningJson {
    /** The original's {@code /v1/feedback} shows hints for its first five tools. */
    static final int HINT_EXAMPLES = 5;
    /** The original lists the first five (feedback stats) or ten (per tool) queries and fields. */
    static final int STATS_TERMS = 5;
    static final int TOOL_TERMS = 10;

    private final ObjectMapper mapper;
    private final CrusherConfig crusher;

    LearningJson(ObjectMapper mapper, CrusherConfig crusher) {
        this.mapper = mapper;
        this.crusher = crusher;
    }

    /** {@code /v1/toin/stats}: the original's six fields, then our feedback counters. */
    ObjectNode toinStats(LearningStats s) {
        ObjectNode out = mapper.createObjectNode();
        out.put("enabled", s.enabled());
        out.put("patterns_tracked", s.patternsTracked());
        retrievalCounters(out, s);
        out.put("patterns_with_recommendations", s.patternsWithRecommendations());
        out.put("learned_patterns", s.learnedPatterns());
        out.put("feedback_events", s.feedbackEvents());
        out.put("feedback_unknown", s.feedbackUnknown());
        out.put("hint_applications", s.hintApplications());
        return out;
    }

    /** {@code /v1/toin/patterns}: one summary per signature, most observed first, at most {@code limit}. */
    ArrayNode patternList(List<LearnedPattern> patterns, int limit) {
        ArrayNode out = mapper.createArrayNode();
        for (LearnedPattern p : patterns.subList(0, Math.min(limit, patterns.size()))) {
            ObjectNode o = out.addObject();
            o.put("hash", p.signatureHash().substring(0, Math.min(12, p.signatureHash().length())));
            o.put("compressions", p.compressions());
            o.put("retrievals", p.retrievals());
            o.put("retrieval_rate", String.format(Locale.ROOT, "%.1f%%", p.retrievalRate() * 100));
            o.put("confidence", Math.round(p.confidence() * 1000) / 1000.0);
            o.put("skip_recommended", false); // the core never learns to skip a tool: keeping fewer items is its furthest step
            o.put("optimal_max_items", maxItems(p));
        }
        return out;
    }

    /** {@code /v1/toin/pattern/{prefix}} and telemetry per signature: every learned statistic. */
    ObjectNode pattern(LearnedPattern p) {
        ObjectNode o = mapper.createObjectNode();
        o.put("signature_hash", p.signatureHash());
        o.put("tool_name", p.toolName());
        o.put("total_compressions", p.compressions());
        o.put("total_items_seen", p.itemsSeen());
        o.put("total_items_kept", p.itemsKept());
        o.put("total_retrievals", p.retrievals());
        o.put("full_retrievals", p.fullRetrievals());
        o.put("search_retrievals", p.searchRetrievals());
        o.put("error_retrievals", p.errorRetrievals());
        o.put("retrieval_rate", p.retrievalRate());
        o.put("full_retrieval_rate", p.fullRetrievalRate());
        o.put("confidence", p.confidence());
        o.put("hints_active", p.hintsActive());
        o.put("max_items_factor", p.maxItemsFactor());
        o.put("optimal_max_items", maxItems(p));
        o.put("skip_compression_recommended", false);
        o.set("query_terms", mapper.valueToTree(p.queryTerms()));
        o.set("retrieved_fields", mapper.valueToTree(p.retrievedFields()));
        o.set("preserved_values", mapper.valueToTree(p.preservedValues()));
        o.put("last_updated", p.lastUpdatedMillis() / 1000.0);
        return o;
    }

    /** {@code /v1/feedback}: the original's feedback statistics per tool name, and hints for up to five tools. */
    ObjectNode feedback(LearningStats s, List<LearnedPattern> patterns) {
        ObjectNode out = mapper.createObjectNode();
        ObjectNode feedback = out.putObject("feedback");
        retrievalCounters(feedback, s);
        Map<String, ToolTotals> tools = byTool(patterns);
        feedback.put("tools_tracked", tools.size());
        ObjectNode perTool = feedback.putObject("tool_patterns");
        ObjectNode examples = out.putObject("hints_example");
        for (ToolTotals t : tools.values()) {
            toolTotals(perTool.putObject(t.name), t, TotalsKeys.FEEDBACK);
            if (examples.size() < HINT_EXAMPLES) {
                ObjectNode hints = hints(t);
                hints.remove(List.of("min_items", "aggressiveness"));
                examples.putObject(t.name).set("hints", hints);
            }
        }
        return out;
    }

    /** {@code /v1/feedback/{tool}}: the hints compression of this tool uses now, and its pattern (null if none). */
    ObjectNode feedbackForTool(String toolName, List<LearnedPattern> patterns) {
        ToolTotals t = byTool(patterns).get(toolName);
        ObjectNode out = mapper.createObjectNode();
        out.put("tool_name", toolName);
        out.set("hints", hints(t == null ? new ToolTotals(toolName) : t));
        if (t == null) {
            out.putNull("pattern");
            return out;
        }
        toolTotals(out.putObject("pattern"), t, TotalsKeys.PER_TOOL);
        return out;
    }

    /** {@code /v1/telemetry}: the original's statistics, all computed here; nothing is sent anywhere. */
    ObjectNode telemetry(LearningStats s, List<LearnedPattern> patterns, StatsSnapshot engine) {
        ObjectNode out = mapper.createObjectNode();
        out.put("enabled", s.enabled());
        out.put("total_compressions", s.totalCompressions());
        out.put("total_retrievals", s.totalRetrievals());
        out.put("total_tokens_saved", engine.tokensSaved());
        out.put("global_retrieval_rate", s.globalRetrievalRate());
        out.put("tool_signatures_tracked", patterns.size());
        out.put("events_in_memory", 0); // the core keeps aggregates, not events
        long seen = 0;
        long kept = 0;
        for (LearnedPattern p : patterns) {
            seen += p.itemsSeen();
            kept += p.itemsKept();
        }
        out.put("avg_compression_ratio", seen == 0 ? 0.0 : (double) kept / seen);
        out.put("avg_token_reduction", engine.tokensBefore() == 0 ? 0.0
                : (double) engine.tokensSaved() / engine.tokensBefore());
        out.put("local_only", true);
        return out;
    }

    /** {@code /v1/telemetry/tools}: every signature's statistics. */
    ObjectNode telemetryTools(List<LearnedPattern> patterns) {
        ObjectNode out = mapper.createObjectNode();
        out.put("tool_count", patterns.size());
        ObjectNode tools = out.putObject("tools");
        for (LearnedPattern p : patterns) {
            tools.set(p.signatureHash(), pattern(p));
        }
        return out;
    }

    /** {@code /v1/telemetry/tools/{hash}}: one signature's statistics and what compression does with them. */
    ObjectNode telemetryTool(LearnedPattern p) {
        ObjectNode out = mapper.createObjectNode();
        out.put("signature_hash", p.signatureHash());
        out.set("stats", pattern(p));
        ObjectNode rec = out.putObject("recommendations");
        rec.put("hints_active", p.hintsActive());
        rec.put("optimal_max_items", maxItems(p));
        rec.set("preserve_values", mapper.valueToTree(p.preservedValues()));
        return out;
    }

    /** The retrieval counters over every signature, as {@code /v1/toin/stats} and {@code /v1/feedback} name them. */
    private static void retrievalCounters(ObjectNode o, LearningStats s) {
        o.put("total_compressions", s.totalCompressions());
        o.put("total_retrievals", s.totalRetrievals());
        o.put("global_retrieval_rate", s.globalRetrievalRate());
    }

    /** One tool's totals, under the names and with the number of terms of the view they are shown in. */
    private void toolTotals(ObjectNode o, ToolTotals t, TotalsKeys k) {
        o.put(k.compressions(), t.compressions);
        o.put(k.retrievals(), t.retrievals);
        o.put("retrieval_rate", t.retrievalRate());
        o.put(k.fullRate(), t.fullRate());
        o.put("search_rate", t.searchRate());
        o.set("common_queries", keys(t.queries, k.terms()));
        o.set("queried_fields", keys(t.fields, k.terms()));
    }

    /**
     * The original names a tool's totals differently in its two feedback views: short names and five terms in
     * {@code /v1/feedback}'s {@code tool_patterns}, the pattern's own names and ten terms in {@code /v1/feedback/{tool}}.
     */
    private record TotalsKeys(String compressions, String retrievals, String fullRate, int terms) {
        static final TotalsKeys FEEDBACK = new TotalsKeys("compressions", "retrievals", "full_rate", STATS_TERMS);
        static final TotalsKeys PER_TOOL =
                new TotalsKeys("total_compressions", "total_retrievals", "full_retrieval_rate", TOOL_TERMS);
    }

    private int maxItems(LearnedPattern p) {
        double factor = p.hintsActive() ? p.maxItemsFactor() : 1.0;
        return (int) Math.round(crusher.maxItemsAfterCrush() * factor);
    }

    private ObjectNode hints(ToolTotals t) {
        ObjectNode h = mapper.createObjectNode();
        boolean active = t.activeFactor != null;
        h.put("max_items", (int) Math.round(crusher.maxItemsAfterCrush() * (active ? t.activeFactor : 1.0)));
        h.put("min_items", crusher.keepFirst() + crusher.keepLast());
        h.set("suggested_items", mapper.createArrayNode());
        // share of items compression leaves out for this tool, as measured
        h.put("aggressiveness", t.seen == 0 ? 0.0 : 1.0 - (double) t.kept / t.seen);
        h.put("skip_compression", false);
        h.set("preserve_fields", active ? keys(t.fields, TOOL_TERMS) : mapper.createArrayNode());
        h.put("reason", active ? "learned from " + t.retrievals + " retrievals of " + t.compressions + " compressions"
                : t.compressions == 0 ? "no observations" : "confidence below the threshold: configured defaults");
        return h;
    }

    private ArrayNode keys(Map<String, Long> counts, int limit) {
        ArrayNode out = mapper.createArrayNode();
        counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(limit)
                .forEach(e -> out.add(e.getKey()));
        return out;
    }

    private static Map<String, ToolTotals> byTool(List<LearnedPattern> patterns) {
        Map<String, ToolTotals> tools = new LinkedHashMap<>();
        for (LearnedPattern p : patterns) {
            String name = p.toolName() == null ? "unknown" : p.toolName();
            tools.computeIfAbsent(name, ToolTotals::new).add(p);
        }
        return tools;
    }

    /** One tool's signatures added up. */
    private static final class ToolTotals {
        final String name;
        long compressions;
        long retrievals;
        long full;
        long search;
        long seen;
        long kept;
        /** The budget factor of the most observed signature whose hints apply; null when none does. */
        Double activeFactor;
        final Map<String, Long> queries = new LinkedHashMap<>();
        final Map<String, Long> fields = new LinkedHashMap<>();

        ToolTotals(String name) {
            this.name = name;
        }

        void add(LearnedPattern p) {
            compressions += p.compressions();
            retrievals += p.retrievals();
            full += p.fullRetrievals();
            search += p.searchRetrievals();
            seen += p.itemsSeen();
            kept += p.itemsKept();
            if (activeFactor == null && p.hintsActive()) {
                activeFactor = p.maxItemsFactor();
            }
            p.queryTerms().forEach((k, v) -> queries.merge(k, v, Long::sum));
            p.retrievedFields().forEach((k, v) -> fields.merge(k, v, Long::sum));
        }

        double retrievalRate() {
            return compressions == 0 ? 0.0 : (double) retrievals / compressions;
        }

        double fullRate() {
            return retrievals == 0 ? 0.0 : (double) full / retrievals;
        }

        double searchRate() {
            return retrievals == 0 ? 0.0 : (double) search / retrievals;
        }
    }
}
