package io.headroom.internal.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.LearnedPattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The learned statistics of one tool signature. Mutable, guarded by the owning {@link Toin}'s lock (never
 * handed out: {@link #snapshot} copies). Every map is bounded, so one signature stays a few KB however long it
 * is observed.
 */
final class SignatureStats {
    /** Observations (compressions + retrievals) at which confidence reaches its single-instance cap. */
    static final double OBSERVATIONS_FOR_FULL_CONFIDENCE = 100;
    /** The original caps the confidence of one instance (no network effect) at 0.7. */
    static final double MAX_CONFIDENCE = 0.7;
    /** Entries kept per counted map; the least counted goes when a new one arrives. */
    static final int MAX_COUNTED = 32;
    /** A value must be common to this many retrievals before items holding it are kept. */
    static final int MIN_VALUE_RETRIEVALS = 2;
    /** ... and to at least this share of the signature's query retrievals. */
    static final double MIN_VALUE_SHARE = 0.6;
    /** Values longer than this (texts, ids in prose) are not learned as patterns. */
    static final int MAX_VALUE_LENGTH = 64;

    final String signature;
    String toolName;
    long compressions;
    long itemsSeen;
    long itemsKept;
    long retrievals;
    long fullRetrievals;
    long searchRetrievals;
    long errorRetrievals;
    long lastUpdatedMillis;
    final Map<String, Long> queryTerms = new HashMap<>();
    final Map<String, Long> retrievedFields = new HashMap<>();
    /** {@code field=value} to the number of retrievals whose items held it. */
    final Map<String, Long> retrievedValues = new HashMap<>();

    SignatureStats(String signature, String toolName) {
        this.signature = signature;
        this.toolName = toolName;
    }

    double confidence() {
        return Math.min(MAX_CONFIDENCE, (compressions + retrievals) / OBSERVATIONS_FOR_FULL_CONFIDENCE);
    }

    /**
     * Budget scale while hints are active: twice the items for a signature whose originals are usually
     * retrieved whole (the model needed more than was kept), three quarters for one never retrieved — but only
     * where retrievals happen at all ({@code retrievalsSeen}): without any, the model may simply have no way to
     * retrieve, and silence says nothing about what it needs.
     */
    double budgetScale(boolean retrievalsSeen) {
        if (retrievals == 0) return retrievalsSeen ? 0.75 : 1.0;
        double rate = (double) retrievals / Math.max(1, compressions);
        double fullRate = (double) fullRetrievals / retrievals;
        return rate >= 0.3 && fullRate >= 0.5 ? 2.0 : 1.0;
    }

    /** {@code field -> values} the retrieved items of most query retrievals had in common. */
    Map<String, Set<String>> preservedValues() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : retrievedValues.entrySet()) {
            // common to most searches of this signature, not to one lucky pair of them
            if (e.getValue() < MIN_VALUE_RETRIEVALS || e.getValue() < MIN_VALUE_SHARE * searchRetrievals) continue;
            int eq = e.getKey().indexOf('=');
            out.computeIfAbsent(e.getKey().substring(0, eq), k -> new TreeSet<>()).add(e.getKey().substring(eq + 1));
        }
        return out;
    }

    int learnedPatternCount() {
        int n = 0;
        for (Set<String> values : preservedValues().values()) n += values.size();
        return n;
    }

    static void count(Map<String, Long> map, String key, long by) {
        if (!map.containsKey(key) && map.size() >= MAX_COUNTED) {
            String least = null;
            long min = Long.MAX_VALUE;
            for (Map.Entry<String, Long> e : map.entrySet()) {
                if (e.getValue() < min) {
                    min = e.getValue();
                    least = e.getKey();
                }
            }
            map.remove(least);
        }
        map.merge(key, by, Long::sum);
    }

    LearnedPattern snapshot(double threshold, boolean retrievalsSeen) {
        boolean active = confidence() >= threshold;
        List<String> preserved = new ArrayList<>();
        preservedValues().forEach((f, vs) -> vs.forEach(v -> preserved.add(f + "=" + v)));
        return new LearnedPattern(signature, toolName, compressions, itemsSeen, itemsKept, retrievals, fullRetrievals,
                searchRetrievals, errorRetrievals, confidence(), active, active ? budgetScale(retrievalsSeen) : 1.0,
                sorted(queryTerms), sorted(retrievedFields), preserved, lastUpdatedMillis);
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("tool_signature_hash", signature);
        o.put("tool_name", toolName);
        o.put("total_compressions", compressions);
        o.put("total_items_seen", itemsSeen);
        o.put("total_items_kept", itemsKept);
        o.put("total_retrievals", retrievals);
        o.put("full_retrievals", fullRetrievals);
        o.put("search_retrievals", searchRetrievals);
        o.put("error_retrievals", errorRetrievals);
        o.put("last_updated_ms", lastUpdatedMillis);
        putCounts(o.putObject("query_pattern_frequency"), queryTerms);
        putCounts(o.putObject("field_retrieval_frequency"), retrievedFields);
        putCounts(o.putObject("value_retrieval_frequency"), retrievedValues);
        return o;
    }

    private static void putCounts(ObjectNode o, Map<String, Long> counts) {
        sorted(counts).forEach(o::put);
    }

    /** Adds the counts of an exported pattern (import merges; a load starts from empty stats). */
    void merge(JsonNode o) {
        if (toolName == null && o.path("tool_name").isTextual()) toolName = o.get("tool_name").asText();
        compressions += nonNegative(o, "total_compressions");
        itemsSeen += nonNegative(o, "total_items_seen");
        itemsKept += nonNegative(o, "total_items_kept");
        retrievals += nonNegative(o, "total_retrievals");
        fullRetrievals += nonNegative(o, "full_retrievals");
        searchRetrievals += nonNegative(o, "search_retrievals");
        errorRetrievals += nonNegative(o, "error_retrievals");
        lastUpdatedMillis = Math.max(lastUpdatedMillis, nonNegative(o, "last_updated_ms"));
        mergeCounts(o.path("query_pattern_frequency"), queryTerms);
        mergeCounts(o.path("field_retrieval_frequency"), retrievedFields);
        mergeCounts(o.path("value_retrieval_frequency"), retrievedValues);
    }

    private static long nonNegative(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return 0;
        if (!v.canConvertToLong() || v.asLong() < 0) {
            throw new IllegalArgumentException("'" + field + "' must be a count");
        }
        return v.asLong();
    }

    private static void mergeCounts(JsonNode from, Map<String, Long> into) {
        if (from.isMissingNode()) return;
        if (!from.isObject()) throw new IllegalArgumentException("counts must be an object");
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        from.properties().forEach(entries::add);
        entries.sort(Comparator.comparing(e -> -e.getValue().asLong()));
        for (Map.Entry<String, JsonNode> e : entries) {
            if (!e.getValue().canConvertToLong() || e.getValue().asLong() < 0) {
                throw new IllegalArgumentException("counts must be non-negative integers");
            }
            count(into, e.getKey(), e.getValue().asLong());
        }
    }
}
