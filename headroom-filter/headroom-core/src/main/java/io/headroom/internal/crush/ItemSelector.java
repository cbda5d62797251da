package io.headroom.internal.crush;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.internal.relevance.Bm25;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Decides which items of an array survive.
 *
 * <p>The ordinary budget K comes from {@link AdaptiveBudget} (clamped to [keep-first + keep-last + 1,
 * max-items-after-crush]) and is split as in the original project: 30% from the start of the array (at least
 * keep-first), 15% from the end (at least keep-last) and the remaining ~55% by importance. Importance first
 * covers patterns (near-duplicate clusters) that no kept item represents yet, best first by query relevance
 * (BM25, normalised to the top score) plus rarity (1 / cluster size); slots left after that are spread evenly
 * over the rest of the array as a statistical sample.
 *
 * <p>On top of K, never counted against it: error items (when preserve-errors), warnings (capped at
 * max-items-after-crush), numeric and string-length anomalies, rare values and fields, change points
 * ({@link AnomalyDetector}) and strong query matches (score at least relevance-threshold of the best score,
 * capped at a third of max-items-after-crush; ignored when the query matches most items equally).
 *
 * <p><b>Errors are never lost as information, but a common error is a pattern, not an exception.</b> When
 * more than {@code max(max-items-after-crush, 5% of the items)} items read as errors (e.g. the "failed" rows
 * of a transaction table), keeping every one would drown the budget in repeats. Then each <em>distinct</em>
 * error ({@link ErrorSignature}: its error fields and message texts, ids and numbers masked) is kept with its
 * first and last occurrence, query matches among them stay kept, and the rest are left to K's sample; the
 * selection reports how many errors exist and how many were kept so that the output can say more can be
 * retrieved. Rarer errors (one failed request among 1,000 log lines) are all kept whole, as before.
 */
final class ItemSelector {

    private static final double HEAD_SHARE = 0.30;
    private static final double TAIL_SHARE = 0.15;
    /** Errors in more than this share of the items (and more than max-items) are a common category. */
    static final double COMMON_ERROR_SHARE = 0.05;

    private final int maxItems;
    private final int keepFirst;
    private final int keepLast;
    private final double relevanceThreshold;
    private final boolean preserveErrors;
    private final AnomalyDetector anomalies;

    ItemSelector(int maxItems, int keepFirst, int keepLast, double relevanceThreshold, boolean preserveErrors,
                 double anomalyStdThreshold) {
        this.maxItems = maxItems;
        this.keepFirst = keepFirst;
        this.keepLast = keepLast;
        this.relevanceThreshold = relevanceThreshold;
        this.preserveErrors = preserveErrors;
        this.anomalies = new AnomalyDetector(anomalyStdThreshold);
    }

    /** The same selector with another max-items-after-crush (a mixed array's share for one type group). */
    ItemSelector withMaxItems(int max) {
        return max == maxItems ? this
                : new ItemSelector(max, keepFirst, keepLast, relevanceThreshold, preserveErrors, anomalies.stdThreshold());
    }

    int maxItems() {
        return maxItems;
    }

    /**
     * The kept indexes (ascending, i.e. original order) and the budget K they were sized with; when errors
     * were a common category ({@code commonErrors}), how many error items there are and how many were kept.
     */
    record Selection(BitSet kept, int budget, boolean commonErrors, int errorsTotal, int errorsKept) {
    }

    Selection select(List<JsonNode> items, String query) {
        return select(items, query, null);
    }

    /**
     * As {@link #select(List, String)} with learned hints (null: none): their matching items are kept on top of
     * K like the other safety guarantees, and K is scaled by their budget scale.
     */
    Selection select(List<JsonNode> items, String query, CrushHints hints) {
        int n = items.size();
        List<ItemFacts> facts = new ArrayList<>(n);
        List<String> texts = new ArrayList<>(n);
        // the items are scored against the query while they are read: no second pass over their texts
        Bm25.Scorer scorer = Bm25.Scorer.of(query, n);
        ItemFacts.Reader reader = new ItemFacts.Reader(scorer);
        for (int i = 0; i < n; i++) {
            ItemFacts f = reader.read(items.get(i), i);
            facts.add(f);
            texts.add(f.text());
        }
        ItemShapes shapes = new ItemShapes(items);
        AdaptiveBudget.Sizing sizing = AdaptiveBudget.size(texts, shapes::hash, keepFirst + keepLast + 1, maxItems);
        int k = sizing.k();
        if (hints != null && hints.budgetScale() != 1.0) {
            k = Math.max(Math.min(n, keepFirst + keepLast + 1), Math.min(n, (int) Math.round(k * hints.budgetScale())));
        }

        // Safety guarantees, on top of K.
        BitSet mandatory = new BitSet(n);
        List<Integer> errors = new ArrayList<>();
        boolean commonErrors = false;
        if (preserveErrors) {
            List<Integer> warnings = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ItemFacts f = facts.get(i);
                if (f.error()) errors.add(i);
                else if (f.warning()) warnings.add(i);
            }
            commonErrors = errors.size() > commonErrorLimit(n);
            if (commonErrors) {
                for (int i : distinctErrors(items, errors)) mandatory.set(i);
            } else {
                for (int i : errors) mandatory.set(i);
            }
            for (int i : evenPick(warnings, maxItems)) mandatory.set(i);
        }
        mandatory.or(anomalies.find(items, facts));
        double[] relevance = relevance(scorer, n);
        for (int i : strongMatches(relevance)) mandatory.set(i);
        if (hints != null) mandatory.or(hints.matching(items));

        // K: head, tail, importance.
        BitSet kept = new BitSet(n);
        int head = Math.min(n, Math.max(Math.min(keepFirst, k), (int) Math.round(HEAD_SHARE * k)));
        int tail = Math.min(n - head, Math.max(Math.min(keepLast, k - head), (int) Math.round(TAIL_SHARE * k)));
        kept.set(0, head);
        kept.set(n - tail, n);
        int slots = k - kept.cardinality();
        if (slots > 0) pickByImportance(kept, mandatory, sizing, relevance, slots);
        kept.or(mandatory);
        int errorsKept = 0;
        for (int i : errors) if (kept.get(i)) errorsKept++;
        return new Selection(kept, k, commonErrors, errors.size(), errorsKept);
    }

    /** More error items than this make errors a common category of an array of {@code n} items. */
    int commonErrorLimit(int n) {
        return Math.max(maxItems, (int) Math.ceil(COMMON_ERROR_SHARE * n));
    }

    /** The first and the last occurrence of every distinct error signature, in array order. */
    private static List<Integer> distinctErrors(List<JsonNode> items, List<Integer> errors) {
        java.util.Map<String, int[]> firstAndLast = new java.util.LinkedHashMap<>();
        for (int i : errors) {
            int[] fl = firstAndLast.computeIfAbsent(ErrorSignature.of(items.get(i)), s -> new int[] {i, i});
            fl[1] = i;
        }
        List<Integer> out = new ArrayList<>(2 * firstAndLast.size());
        for (int[] fl : firstAndLast.values()) {
            out.add(fl[0]);
            if (fl[1] != fl[0]) out.add(fl[1]);
        }
        return out;
    }

    /**
     * Fills {@code slots} of K: first one item of each cluster nobody represents yet (by relevance + rarity),
     * then an even sample of what is left.
     */
    private static void pickByImportance(BitSet kept, BitSet mandatory, AdaptiveBudget.Sizing sizing,
                                         double[] relevance, int slots) {
        int n = relevance.length;
        int[] cluster = sizing.cluster();
        boolean[] covered = new boolean[sizing.clusters()];
        BitSet taken = (BitSet) kept.clone();
        taken.or(mandatory);
        for (int i = taken.nextSetBit(0); i >= 0; i = taken.nextSetBit(i + 1)) covered[cluster[i]] = true;
        // The best member of each uncovered cluster.
        int[] best = new int[sizing.clusters()];
        java.util.Arrays.fill(best, -1);
        for (int i = 0; i < n; i++) {
            int c = cluster[i];
            if (covered[c]) continue;
            if (best[c] < 0 || relevance[i] > relevance[best[c]]) best[c] = i;
        }
        List<Integer> candidates = new ArrayList<>();
        for (int b : best) if (b >= 0) candidates.add(b);
        int[] sizes = sizing.clusterSizes();
        candidates.sort((a, b) -> {
            double sa = relevance[a] + 1.0 / sizes[cluster[a]];
            double sb = relevance[b] + 1.0 / sizes[cluster[b]];
            return sa != sb ? Double.compare(sb, sa) : Integer.compare(a, b);
        });
        for (int j = 0; j < candidates.size() && slots > 0; j++, slots--) {
            kept.set(candidates.get(j));
            taken.set(candidates.get(j));
        }
        if (slots <= 0) return;
        List<Integer> pool = new ArrayList<>();
        for (int i = taken.nextClearBit(0); i < n; i = taken.nextClearBit(i + 1)) pool.add(i);
        for (int i : evenPick(pool, slots)) kept.set(i);
    }

    /** BM25 score of each item against the query, divided by the best score; all zero without a query. */
    private static double[] relevance(Bm25.Scorer scorer, int n) {
        double[] scores = new double[n];
        if (scorer == null) return scores;
        double[] raw = scorer.scores();
        double max = 0;
        for (double s : raw) max = Math.max(max, s);
        if (!(max > 0)) return scores;
        for (int i = 0; i < raw.length; i++) scores[i] = raw[i] > 0 ? raw[i] / max : 0;
        return scores;
    }

    /** The best matches whose normalised score reaches the threshold. */
    private List<Integer> strongMatches(double[] relevance) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < relevance.length; i++) {
            if (relevance[i] > 0 && relevance[i] >= relevanceThreshold) out.add(i);
        }
        // A query that matches most items equally (e.g. a word every row contains) carries no signal.
        if (out.size() * 2 > relevance.length) return List.of();
        out.sort((a, b) -> Double.compare(relevance[b], relevance[a]));
        int cap = Math.max(3, maxItems / 3);
        return out.size() > cap ? out.subList(0, cap) : out;
    }

    /** Up to {@code k} elements spread evenly over {@code from}, in order. */
    static List<Integer> evenPick(List<Integer> from, int k) {
        if (k <= 0 || from.isEmpty()) return List.of();
        if (k >= from.size()) return from;
        List<Integer> out = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            out.add(from.get((int) ((j + 0.5) * from.size() / k)));
        }
        return out;
    }
}
