package io.headroom.core.crush;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.core.HeadroomConfig;
import io.headroom.core.relevance.Bm25;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Decides which items of an array survive. The ordinary budget ({@code max-items-after-crush}) covers the
 * first/last items and an even sample of the rest; errors, anomalies and query matches are added on top of
 * it and are never dropped (warnings and query matches are capped so a vague signal cannot keep everything).
 */
final class ItemSelector {

    private final HeadroomConfig config;
    private final AnomalyDetector anomalies;

    ItemSelector(HeadroomConfig config) {
        this.config = config;
        this.anomalies = new AnomalyDetector(config.anomalyStdThreshold());
    }

    /** Indexes to keep, in ascending (original) order. */
    BitSet select(List<JsonNode> items, String query) {
        int n = items.size();
        List<ItemFacts> facts = new ArrayList<>(n);
        for (JsonNode item : items) facts.add(ItemFacts.of(item));

        BitSet kept = new BitSet(n);
        kept.set(0, Math.min(n, config.keepFirst()));
        kept.set(Math.max(0, n - config.keepLast()), n);
        int positional = kept.cardinality();

        if (config.preserveErrors()) {
            List<Integer> warnings = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ItemFacts f = facts.get(i);
                if (f.error()) kept.set(i);
                else if (f.warning()) warnings.add(i);
            }
            for (int i : evenPick(warnings, config.maxItemsAfterCrush())) kept.set(i);
        }
        kept.or(anomalies.find(items, facts));
        for (int i : relevant(facts, query)) kept.set(i);

        List<Integer> pool = new ArrayList<>();
        for (int i = kept.nextClearBit(0); i < n; i = kept.nextClearBit(i + 1)) pool.add(i);
        int sample = Math.max(0, config.maxItemsAfterCrush() - positional);
        for (int i : evenPick(pool, sample)) kept.set(i);
        return kept;
    }

    /** The best BM25 matches whose score is at least the threshold share of the top score. */
    private List<Integer> relevant(List<ItemFacts> facts, String query) {
        List<Integer> out = new ArrayList<>();
        if (query == null || query.isBlank() || Bm25.tokenize(query).isEmpty()) return out;
        List<String> docs = new ArrayList<>(facts.size());
        for (ItemFacts f : facts) docs.add(f.text());
        double[] scores = Bm25.index(docs).scores(query);
        double max = 0;
        for (double s : scores) max = Math.max(max, s);
        if (!(max > 0)) return out;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > 0 && scores[i] / max >= config.relevanceThreshold()) out.add(i);
        }
        // A query that matches most items equally (e.g. a word every row contains) carries no signal.
        if (out.size() * 2 > facts.size()) return List.of();
        out.sort((a, b) -> Double.compare(scores[b], scores[a]));
        int cap = Math.max(3, config.maxItemsAfterCrush() / 3);
        return out.size() > cap ? out.subList(0, cap) : out;
    }

    /** Up to {@code k} elements spread evenly over {@code from}, in order. */
    static List<Integer> evenPick(List<Integer> from, int k) {
        if (k <= 0 || from.isEmpty()) return List.of();
        if (from.size() <= k) return from;
        List<Integer> out = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            out.add(from.get((int) ((j + 0.5) * from.size() / k)));
        }
        return out;
    }
}
