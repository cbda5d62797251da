package io.headroom;

import java.util.List;
import java.util.Map;

/**
 * What was learned about one tool signature (tool name + the shape of its output): a read-only snapshot.
 *
 * @param signatureHash      hex hash of the tool name and the output's shape (field names and value types)
 * @param toolName           the tool, or null when the output came without one
 * @param compressions       outputs of this signature compressed
 * @param itemsSeen          items in those outputs
 * @param itemsKept          items kept of them
 * @param retrievals         retrievals of this signature's originals
 * @param fullRetrievals     of them, retrievals of the whole original (no query)
 * @param searchRetrievals   of them, retrievals with a query
 * @param errorRetrievals    retrievals whose items looked like errors
 * @param confidence         0..1, growing with the observations; hints apply from the threshold on
 * @param hintsActive        whether the confidence reached {@code learning.toin.confidence-threshold}
 * @param maxItemsFactor     how the item budget of this signature is scaled while hints are active (1 = as
 *                           configured; above 1 for signatures often retrieved in full, below for never retrieved)
 * @param queryTerms         query terms of the retrievals, most frequent first, with their counts
 * @param retrievedFields    fields of the retrieved items, most frequent first, with their counts
 * @param preservedValues    learned item patterns ({@code field=value} common to retrieved items): items
 *                           matching one are kept while hints are active
 * @param lastUpdatedMillis  epoch millis of the last observation
 */
public record LearnedPattern(String signatureHash, String toolName, long compressions, long itemsSeen, long itemsKept,
                             long retrievals, long fullRetrievals, long searchRetrievals, long errorRetrievals,
                             double confidence, boolean hintsActive, double maxItemsFactor,
                             Map<String, Long> queryTerms, Map<String, Long> retrievedFields,
                             List<String> preservedValues, long lastUpdatedMillis) {
    public LearnedPattern {
        // ordered (most frequent first), so not Map.copyOf
        queryTerms = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(queryTerms));
        retrievedFields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(retrievedFields));
        preservedValues = List.copyOf(preservedValues);
    }

    /** Retrievals per compression (the original's {@code retrieval_rate}). */
    public double retrievalRate() {
        return compressions == 0 ? 0.0 : (double) retrievals / compressions;
    }

    /** Share of retrievals that took the whole original (the original's {@code full_retrieval_rate}). */
    public double fullRetrievalRate() {
        return retrievals == 0 ? 0.0 : (double) fullRetrievals / retrievals;
    }
}
