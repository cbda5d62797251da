package io.headroom.core.crush;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * Sizes the ordinary item budget K of one array from its data instead of a fixed number.
 *
 * <h2>How K is chosen</h2>
 * <ol>
 *   <li><b>Patterns.</b> Each item's text is reduced to its {@link ShapeText shape} (ids, counters and
 *   timestamps become {@code #}); equal shapes are one pattern, and patterns whose 64-bit {@link SimHash}
 *   fingerprints differ in at most {@value SimHash#NEAR_DUPLICATE_BITS} bits are merged into one cluster
 *   (near-duplicates). Every item belongs to exactly one cluster.</li>
 *   <li><b>Information curve.</b> One representative per cluster is picked greedily, each time the one that
 *   adds the most word bigrams not seen yet (diversity-greedy, lazily re-evaluated); the remaining items,
 *   near-duplicates of a picked one, add nothing. The cumulative count of distinct bigrams after x items,
 *   x = 0..n, is the coverage curve.</li>
 *   <li><b>Knee.</b> {@link Kneedle} finds where that curve bends: past it, extra items bring little new
 *   information. If the curve has no knee (every item adds about as much as the one before) the information
 *   size is the number of clusters.</li>
 *   <li><b>Compressibility.</b> The items' text is deflated once ({@link Deflater}, fastest level). The ratio
 *   compressed/raw is low for repetitive arrays and approaches {@value #DIVERSE_RATIO} and more for diverse
 *   ones; the information size is scaled linearly from ×{@value #MIN_SCALE} (ratio 0, highly repetitive) to
 *   ×{@value #MAX_SCALE} (ratio {@value #DIVERSE_RATIO} or more, diverse).</li>
 *   <li><b>Clamp.</b> K is clamped to [{@code keep-first + keep-last + 1}, {@code max-items-after-crush}]
 *   (and to n).</li>
 * </ol>
 * Arrays of at most {@value #SMALL_ARRAY} items are kept whole (K = n): dropping a few items saves little and
 * the marker costs tokens. Errors, anomalies, change points and query matches are not part of K: the selector
 * keeps them on top.
 *
 * <p>Cost: one pass over the items for shapes and bigrams, one deflate, and SimHash comparisons against the
 * cluster representatives only (XOR + bit count), so it stays linear in practice for 1,000-item arrays.
 */
final class AdaptiveBudget {

    /** Deflate ratio at which an array counts as fully diverse (typical of prose and unique records). */
    static final double DIVERSE_RATIO = 0.5;
    /** Scale of the information size for a perfectly repetitive array. */
    static final double MIN_SCALE = 0.75;
    /** Scale of the information size for a diverse array. */
    static final double MAX_SCALE = 1.5;
    /** Arrays up to this size are not sampled. */
    static final int SMALL_ARRAY = 8;
    /** Deflating more than this many bytes does not change the ratio materially; the rest is skipped. */
    private static final int MAX_DEFLATE_BYTES = 256 * 1024;

    /**
     * @param k             the item budget
     * @param cluster       cluster id of each item (near-duplicate group), 0..clusters-1 in order of first appearance
     * @param clusterSizes  items per cluster
     * @param knee          the knee of the coverage curve, or -1 when there was none
     * @param deflateRatio  compressed / raw size of the items' text
     */
    record Sizing(int k, int[] cluster, int[] clusterSizes, int knee, double deflateRatio) {
        int clusters() {
            return clusterSizes.length;
        }
    }

    private AdaptiveBudget() {
    }

    /**
     * @param texts the items' texts (keys and values), in array order
     * @param floor the smallest K
     * @param cap   the largest K ({@code max-items-after-crush})
     */
    static Sizing size(List<String> texts, int floor, int cap) {
        int n = texts.size();
        if (n <= SMALL_ARRAY) {
            int[] cluster = new int[n];
            for (int i = 0; i < n; i++) cluster[i] = i;
            int[] sizes = new int[n];
            java.util.Arrays.fill(sizes, 1);
            return new Sizing(n, cluster, sizes, -1, 1.0);
        }
        // 1. patterns (exact shapes) and near-duplicate clusters of patterns
        Map<String, Integer> shapeIds = new HashMap<>();
        List<String> shapes = new ArrayList<>();
        int[] shapeOf = new int[n];
        for (int i = 0; i < n; i++) {
            String shape = ShapeText.of(texts.get(i));
            Integer id = shapeIds.get(shape);
            if (id == null) {
                id = shapes.size();
                shapeIds.put(shape, id);
                shapes.add(shape);
            }
            shapeOf[i] = id;
        }
        int[] clusterOfShape = new int[shapes.size()];
        FingerprintIndex reps = new FingerprintIndex(Math.min(shapes.size(), 1024));
        List<long[]> repWords = new ArrayList<>();
        for (int s = 0; s < shapes.size(); s++) {
            long[] words = Words.hashes(shapes.get(s));
            long fp = SimHash.of(words);
            int found = reps.find(fp); // the first representative within NEAR_DUPLICATE_BITS, in order
            if (found < 0) {
                found = reps.add(fp);
                repWords.add(words);
            }
            clusterOfShape[s] = found;
        }
        int clusters = repWords.size();
        int[] cluster = new int[n];
        int[] sizes = new int[clusters];
        for (int i = 0; i < n; i++) {
            cluster[i] = clusterOfShape[shapeOf[i]];
            sizes[cluster[i]]++;
        }

        // 2.-3. coverage curve in diversity-greedy order, and its knee
        List<long[]> repBigrams = new ArrayList<>(clusters);
        LongSet seen = new LongSet(64);
        for (long[] words : repWords) repBigrams.add(bigrams(words, seen));
        int knee = Kneedle.knee(coverage(repBigrams, n));
        int information = knee > 0 ? knee : clusters;

        // 4. compressibility
        double ratio = deflateRatio(texts);
        double scale = MIN_SCALE + (MAX_SCALE - MIN_SCALE) * Math.min(1.0, ratio / DIVERSE_RATIO);

        // 5. clamp
        int k = (int) Math.round(information * scale);
        k = Math.max(k, floor);
        k = Math.min(k, cap);
        k = Math.max(1, Math.min(k, n));
        return new Sizing(k, cluster, sizes, knee, ratio);
    }

    /**
     * Distinct bigrams covered after x items, x = 0..n: the representatives in greedy order of marginal gain,
     * then the near-duplicates (gain 0). Marginal gains only shrink as coverage grows, so a stale heap entry
     * is an upper bound and the lazy re-evaluation finds the true best pick.
     */
    static double[] coverageCurve(List<String> representatives, int n) {
        List<long[]> bigrams = new ArrayList<>(representatives.size());
        LongSet seen = new LongSet(64);
        for (String rep : representatives) bigrams.add(bigrams(Words.hashes(rep), seen));
        return coverage(bigrams, n);
    }

    /** {@link #coverageCurve} given each representative's distinct bigrams. */
    private static double[] coverage(List<long[]> bigrams, int n) {
        int m = bigrams.size();
        // Max-heap of (gain, representative) packed in one long: higher gain first, then the lower index
        // (stored as MAX - index); the same total order as comparing the pair, without boxing.
        long[] heap = new long[m];
        int total = 0;
        for (int r = 0; r < m; r++) {
            heap[r] = entry(bigrams.get(r).length, r);
            total += bigrams.get(r).length;
        }
        int size = m;
        for (int i = size / 2 - 1; i >= 0; i--) siftDown(heap, size, i);
        LongSet covered = new LongSet(Math.min(total, 1 << 14)); // grows when the items are that diverse
        double[] curve = new double[n + 1];
        int x = 0;
        while (size > 0) {
            long top = heap[0];
            int r = Integer.MAX_VALUE - (int) top;
            long[] grams = bigrams.get(r);
            int gain = 0;
            for (long g : grams) if (!covered.contains(g)) gain++;
            if (size > 1 && gain < second(heap, size)) {
                heap[0] = entry(gain, r); // a smaller key: sift the stale entry down to its place
                siftDown(heap, size, 0);
                continue;
            }
            heap[0] = heap[--size];
            siftDown(heap, size, 0);
            for (long g : grams) covered.add(g);
            x++;
            curve[x] = covered.size();
        }
        for (int i = x + 1; i <= n; i++) curve[i] = curve[x];
        return curve;
    }

    private static long entry(int gain, int representative) {
        return ((long) gain << 32) | (Integer.MAX_VALUE - representative);
    }

    /** The gain of the best entry after the top one: the larger child of the root. */
    private static long second(long[] heap, int size) {
        long best = heap[1];
        if (size > 2 && heap[2] > best) best = heap[2];
        return best >>> 32;
    }

    private static void siftDown(long[] heap, int size, int i) {
        long v = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) break;
            if (child + 1 < size && heap[child + 1] > heap[child]) child++;
            if (heap[child] <= v) break;
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = v;
    }

    /** Distinct word bigrams of a text (a one-word text yields its word as a bigram with nothing). */
    static long[] bigrams(String text) {
        return bigrams(Words.hashes(text), new LongSet(64));
    }

    /** @param seen scratch set, cleared here, so that one allocation serves every representative */
    private static long[] bigrams(long[] words, LongSet seen) {
        if (words.length <= 1) return words.clone();
        seen.clear();
        long[] grams = new long[words.length - 1];
        int distinct = 0;
        for (int i = 0; i + 1 < words.length; i++) {
            long g = Words.mix(words[i] * 31 + words[i + 1]);
            if (seen.add(g)) grams[distinct++] = g;
        }
        return distinct == grams.length ? grams : java.util.Arrays.copyOf(grams, distinct);
    }

    static double deflateRatio(List<String> texts) {
        int size = 0;
        for (String t : texts) {
            if (size >= MAX_DEFLATE_BYTES) break;
            size += t.length() + 1;
        }
        StringBuilder all = new StringBuilder(size); // sized once: no regrowth copies of a 256 KB buffer
        for (String t : texts) {
            if (all.length() >= MAX_DEFLATE_BYTES) break;
            all.append(t).append('\n');
        }
        byte[] raw = all.toString().getBytes(StandardCharsets.UTF_8);
        if (raw.length == 0) return 0;
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] buffer = new byte[8192];
            long compressed = 0;
            while (!deflater.finished()) compressed += deflater.deflate(buffer);
            return (double) compressed / raw.length;
        } finally {
            deflater.end();
        }
    }
}
