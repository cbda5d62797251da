package io.headroom.internal.crush;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Sizes the ordinary item budget K of one array from its data instead of a fixed number.
 *
 * <h2>How K is chosen</h2>
 * <ol>
 *   <li><b>Patterns.</b> Each item's text is reduced to its {@link ShapeText shape} (ids, counters and
 *   timestamps become {@code #}); equal shapes are one pattern, and patterns whose 64-bit {@link SimHash}
 *   fingerprints differ in at most {@value SimHash#NEAR_DUPLICATE_BITS} bits are merged into one cluster
 *   (near-duplicates). Every item belongs to exactly one cluster. An array is diverse when more than half
 *   of an even sample of {@value #SAMPLE_ITEMS} of its items have distinct shapes (the other items are then
 *   not shaped: each is a cluster of its own) or when it has more than {@value #SAMPLE_ITEMS} distinct
 *   shapes; near-duplicates are then looked for among the sampled items' shapes only, the curve and knee
 *   below are those of the sample, and the knee is scaled to the whole array.</li>
 *   <li><b>Information curve.</b> One representative per cluster is picked greedily, each time the one that
 *   adds the most word bigrams not seen yet (diversity-greedy); the remaining items,
 *   near-duplicates of a picked one, add nothing. The cumulative count of distinct bigrams after x items,
 *   x = 0..n, is the coverage curve.</li>
 *   <li><b>Knee.</b> {@link Kneedle} on that curve: past the knee, extra items bring little new information.
 *   Greedy coverage is concave, so the knee is the number of picks that add more than the average
 *   {@code Y/n} bigrams (Y: all distinct bigrams of the array) and the greedy stops there ({@link #knee}).
 *   If the curve has no knee (every item adds about as much as the one before) the information size is the
 *   number of clusters.</li>
 *   <li><b>Compressibility.</b> The items' text (an even sample of at most {@value #MAX_DEFLATE_BYTES}
 *   characters) is deflated once ({@link Deflater}, fastest level). The ratio compressed/raw is low for
 *   repetitive arrays and approaches {@value #DIVERSE_RATIO} and more for diverse ones; the information size
 *   is scaled linearly from ×{@value #MIN_SCALE} (ratio 0, highly repetitive) to ×{@value #MAX_SCALE}
 *   (ratio {@value #DIVERSE_RATIO} or more, diverse).</li>
 *   <li><b>Clamp.</b> K is clamped to [{@code keep-first + keep-last + 1}, {@code max-items-after-crush}]
 *   (and to n).</li>
 * </ol>
 * Arrays of at most {@value #SMALL_ARRAY} items are kept whole (K = n): dropping a few items saves little and
 * the marker costs tokens. Errors, anomalies, change points and query matches are not part of K: the selector
 * keeps them on top.
 *
 * <p>Cost: one pass over the items for shapes, SimHash comparisons against the cluster representatives only
 * (XOR + bit count), one pass over the representatives' bigrams, greedy picks up to the knee (or the cap) and one deflate
 * of at most {@value #MAX_DEFLATE_BYTES} characters, so it stays linear in practice for 1,000-item arrays.
 */
final class AdaptiveBudget {

    /** Deflate ratio at which an array counts as fully diverse (typical of prose and unique records). */
    static final double DIVERSE_RATIO = 0.5;
    /** Scale of the information size for a perfectly repetitive array. */
    static final double MIN_SCALE = 0.75;
    /** Scale of the information size for a diverse array. */
    static final double MAX_SCALE = 1.5;
    /** Arrays up to this size are kept whole. */
    static final int SMALL_ARRAY = 8;
    /** Arrays with more distinct shapes than this are measured on an even sample of this many items. */
    static final int SAMPLE_ITEMS = 256;
    /**
     * Deflating more than this many characters does not change the ratio materially (within ~1% on tool
     * outputs); larger arrays are sampled evenly up to it.
     */
    static final int MAX_DEFLATE_BYTES = 32 * 1024;

    /**
     * @param k             the item budget
     * @param cluster       cluster id of each item (near-duplicate group), 0..clusters-1
     * @param clusterSizes  items per cluster
     * @param knee          the knee of the coverage curve, or -1 when there was none; when K reached the cap
     *                      first, the information size that was enough for it (the knee is at least that)
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
        ShapeText.Hasher shapes = new ShapeText.Hasher();
        return size(texts, i -> shapes.hash(texts.get(i)), floor, cap);
    }

    /**
     * As {@link #size(List, int, int)}, with the items' shape hashes from {@code shapeHash} (equal for items
     * whose texts have equal {@link ShapeText shapes}, e.g. {@link ItemShapes}); called only for the items that
     * are shaped.
     */
    static Sizing size(List<String> texts, java.util.function.IntToLongFunction shapeHash, int floor, int cap) {
        int n = texts.size();
        if (n <= SMALL_ARRAY) {
            int[] cluster = new int[n];
            for (int i = 0; i < n; i++) cluster[i] = i;
            int[] sizes = new int[n];
            java.util.Arrays.fill(sizes, 1);
            return new Sizing(n, cluster, sizes, -1, 1.0);
        }
        // 1. patterns (exact shapes) and near-duplicate clusters of patterns. A large array's even sample
        // of SAMPLE_ITEMS items is shaped first: when more than half of its items are distinct patterns the
        // array is diverse, and the other items are not shaped at all (each is a pattern of its own: in a
        // diverse array nearly all are). Otherwise every item is shaped.
        Patterns patterns = new Patterns(n, shapeHash);
        boolean large = n > SAMPLE_ITEMS;
        if (large) {
            for (int j = 0; j < SAMPLE_ITEMS; j++) patterns.shape(sampleItem(j, n), texts);
        }
        boolean diverse = large && patterns.count() > SAMPLE_ITEMS / 2;
        if (!diverse) {
            for (int i = 0; i < n; i++) patterns.shape(i, texts);
        }
        // A diverse array, or one with more distinct shapes than SAMPLE_ITEMS, is measured on its sample:
        // near-duplicates are merged among the sampled items' shapes (every other shape is a cluster of its
        // own), and the knee found on the sample is scaled to the whole array, since on diverse data the
        // knee grows with the number of items. Arrays of few patterns (every corpus array) are measured whole.
        boolean sampled = diverse || patterns.count() > SAMPLE_ITEMS;
        int measuredItems = sampled ? SAMPLE_ITEMS : n;
        int[] clusterOfShape = new int[patterns.count()];
        java.util.Arrays.fill(clusterOfShape, -1);
        FingerprintIndex reps = new FingerprintIndex(Math.min(patterns.count(), 1024));
        List<long[]> repWords = new ArrayList<>();
        for (int j = 0; j < measuredItems; j++) {
            int s = patterns.of(sampled ? sampleItem(j, n) : j);
            if (clusterOfShape[s] >= 0) continue; // measured already
            long[] words = Words.hashes(patterns.shape(s));
            long fp = SimHash.of(words);
            int found = reps.find(fp); // the first representative within NEAR_DUPLICATE_BITS, in order
            if (found < 0) {
                found = reps.add(fp);
                repWords.add(words);
            }
            clusterOfShape[s] = found;
        }
        int clusters = repWords.size();
        for (int s = 0; s < clusterOfShape.length; s++) {
            if (clusterOfShape[s] < 0) clusterOfShape[s] = clusters++; // not sampled: a pattern of its own
        }
        int[] cluster = new int[n];
        for (int i = 0; i < n; i++) {
            cluster[i] = patterns.of(i) >= 0 ? clusterOfShape[patterns.of(i)] : clusters++; // unshaped: its own
        }
        int[] sizes = new int[clusters];
        for (int c : cluster) sizes[c]++;

        // 4. compressibility (first: it decides how much information already means K = cap)
        double ratio = deflateRatio(texts);
        double scale = MIN_SCALE + (MAX_SCALE - MIN_SCALE) * Math.min(1.0, ratio / DIVERSE_RATIO);

        // 2.-3. coverage in diversity-greedy order, and the knee of that curve, looked for only up to the
        // information size that rounds to the cap (beyond it K is the cap whatever the knee)
        int enough = Math.max(1, (int) ((cap - 0.5) / scale));
        while (Math.round(enough * scale) < cap) enough++; // the clamp's own arithmetic decides
        int knee;
        if (sampled) {
            int sampleKnee = knee(repWords, SAMPLE_ITEMS, Math.max(1, (int) Math.ceil((double) enough * SAMPLE_ITEMS / n)));
            knee = sampleKnee > 0 ? (int) Math.round((double) sampleKnee * n / SAMPLE_ITEMS) : -1;
        } else {
            knee = knee(repWords, n, enough);
        }
        int information = knee > 0 ? knee : clusters;

        // 5. clamp
        int k = (int) Math.round(information * scale);
        k = Math.max(k, floor);
        k = Math.min(k, cap);
        k = Math.max(1, Math.min(k, n));
        return new Sizing(k, cluster, sizes, knee, ratio);
    }

    /** Item j of the even sample of {@value #SAMPLE_ITEMS} items of an array of n. */
    private static int sampleItem(int j, int n) {
        return (int) ((long) j * n / SAMPLE_ITEMS);
    }

    /**
     * The distinct shapes of the items shaped so far, and each item's shape id (-1: not shaped). Shapes are
     * told apart by {@link ShapeText#hash}; a shape's text is built once, for the first item that has it.
     */
    private static final class Patterns {
        private final HashIds ids;
        private final java.util.function.IntToLongFunction shapeHash;
        private final List<String> shapes = new ArrayList<>();
        private final int[] shapeOf;

        Patterns(int n, java.util.function.IntToLongFunction shapeHash) {
            ids = new HashIds(n);
            this.shapeHash = shapeHash;
            shapeOf = new int[n];
            java.util.Arrays.fill(shapeOf, -1);
        }

        void shape(int item, List<String> texts) {
            if (shapeOf[item] >= 0) return;
            int id = ids.idOf(shapeHash.applyAsLong(item));
            if (id == shapes.size()) shapes.add(ShapeText.of(texts.get(item)));
            shapeOf[item] = id;
        }

        int of(int item) {
            return shapeOf[item];
        }

        String shape(int id) {
            return shapes.get(id);
        }

        int count() {
            return shapes.size();
        }
    }

    /**
     * Distinct bigrams covered after x items, x = 0..n: the representatives in greedy order of marginal gain,
     * then the near-duplicates (gain 0).
     */
    static double[] coverageCurve(List<String> representatives, int n) {
        List<long[]> words = new ArrayList<>(representatives.size());
        for (String rep : representatives) words.add(Words.hashes(rep));
        Bigrams bigrams = Bigrams.of(words);
        int[] gains = greedyGains(bigrams, n, 0, Integer.MAX_VALUE);
        double[] curve = new double[n + 1];
        for (int x = 1; x <= n; x++) curve[x] = curve[x - 1] + (x <= gains.length ? gains[x - 1] : 0);
        return curve;
    }

    /**
     * {@link Kneedle#knee} of the coverage curve of {@code n} items whose cluster representatives have the
     * given word hashes, computed without the curve: greedy gains never grow (coverage is submodular), so the
     * curve is concave and its normalised distance above the chord, {@code y(x)/Y - x/n}, rises exactly while
     * a pick adds more than the average {@code Y/n} bigrams (Y: all distinct bigrams of the array). The knee
     * is therefore the number of picks with {@code gain * n > Y}, and the greedy stops at the first pick below
     * that (ties included, so that rounding resolves them as on the whole curve) instead of ordering every
     * representative (on 1,000 diverse items: ~65 picks instead of ~900).
     *
     * @return the knee, or -1 when the bend is below {@link Kneedle#MIN_DEVIATION} (effectively a straight line)
     */
    static int knee(List<long[]> representativeWords, int n) {
        return knee(representativeWords, n, Integer.MAX_VALUE);
    }

    /**
     * As {@link #knee(List, int)}, but once {@code enough} picks each add more than the average the search
     * stops and returns {@code enough}: the knee is at least that far (or, without a clear bend, the
     * information size is the number of clusters, which is no smaller), and the caller needs no more.
     */
    static int knee(List<long[]> representativeWords, int n, int enough) {
        if (n < 2) return -1;
        Bigrams bigrams = Bigrams.of(representativeWords);
        long all = bigrams.distinct;
        if (all == 0) return -1;
        // picks with gain * n >= Y: the rising part of the distance and its ties, where rounding decides
        int[] gains = greedyGains(bigrams, n, all, enough);
        if (gains.length == enough) {
            if ((long) gains[enough - 1] * n > all) return enough;
            gains = greedyGains(bigrams, n, all, Integer.MAX_VALUE); // a tie at the limit: the whole rising part
        }
        // Kneedle's own arithmetic over those picks, so that ties resolve exactly as on the whole curve
        double range = all;
        int knee = -1;
        double best = Kneedle.MIN_DEVIATION;
        long covered = 0;
        for (int x = 1; x <= gains.length && x < n; x++) {
            covered += gains[x - 1];
            double diff = covered / range - (double) x / n;
            if (diff > best) {
                best = diff;
                knee = x;
            }
        }
        return knee;
    }

    /**
     * The distinct word bigrams of each representative as dense ids ({@link HashIds}), and how many distinct
     * bigrams all of them have together. A one-word text yields its word as a bigram with nothing.
     */
    private record Bigrams(int[][] ids, int distinct) {
        static Bigrams of(List<long[]> representativeWords) {
            int total = 0;
            for (long[] words : representativeWords) total += Math.max(1, words.length - 1);
            HashIds table = new HashIds(total);
            int[] lastRep = new int[total + 1]; // rep + 1 that last produced an id: de-duplicates within a rep
            int[][] ids = new int[representativeWords.size()][];
            for (int r = 0; r < ids.length; r++) {
                long[] words = representativeWords.get(r);
                int[] own = new int[Math.max(1, words.length - 1)];
                int distinct = 0;
                for (int i = 0; i < own.length; i++) {
                    if (words.length == 0) break;
                    long gram = words.length == 1 ? words[0] : Words.mix(words[i] * 31 + words[i + 1]);
                    int id = table.idOf(gram);
                    if (lastRep[id] == r + 1) continue;
                    lastRep[id] = r + 1;
                    own[distinct++] = id;
                }
                ids[r] = distinct == own.length ? own : java.util.Arrays.copyOf(own, distinct);
            }
            return new Bigrams(ids, table.size());
        }
    }

    /**
     * Marginal gains of the representatives in diversity-greedy order, each pick the one adding the most
     * bigrams not covered yet (the lowest index among equals). Gains are kept current through an inverted
     * index (bigram id to the representatives containing it): on real arrays most representatives share
     * bigrams (field names, boilerplate), so nearly every pick lowers most gains and a lazily re-evaluated
     * heap would re-sort almost all of them per pick; a scan of the gains is cheaper. Picking stops before
     * the first pick whose {@code gain * n < limit} ({@code limit = 0}: every representative is picked), and
     * after {@code maxPicks} picks.
     */
    private static int[] greedyGains(Bigrams bigrams, int n, long limit, int maxPicks) {
        int[][] grams = bigrams.ids();
        int m = grams.length;
        int distinct = bigrams.distinct();
        // postings in one array: the representatives of bigram id are holders[start[id] .. start[id + 1])
        int[] start = new int[distinct + 1];
        for (int[] own : grams) for (int id : own) start[id + 1]++;
        for (int id = 0; id < distinct; id++) start[id + 1] += start[id];
        int[] holders = new int[start[distinct]];
        int[] next = java.util.Arrays.copyOf(start, distinct);
        for (int r = 0; r < m; r++) for (int id : grams[r]) holders[next[id]++] = r;

        int[] gain = new int[m];
        for (int r = 0; r < m; r++) gain[r] = grams[r].length;
        boolean[] covered = new boolean[distinct];
        int[] gains = new int[Math.min(m, maxPicks)];
        int x = 0;
        while (x < gains.length) {
            int best = 0;
            for (int r = 1; r < m; r++) if (gain[r] > gain[best]) best = r;
            int g = gain[best];
            if ((long) g * n < limit) break;
            gains[x++] = g;
            for (int id : grams[best]) {
                if (covered[id]) continue;
                covered[id] = true;
                for (int p = start[id]; p < start[id + 1]; p++) gain[holders[p]]--;
            }
            gain[best] = Integer.MIN_VALUE / 2; // picked: below any gain, and decrements cannot overflow it
        }
        return x == gains.length ? gains : java.util.Arrays.copyOf(gains, x);
    }

    static double deflateRatio(List<String> texts) {
        long total = 0;
        for (String t : texts) total += t.length() + 1;
        if (total == 0) return 0;
        // Deflate costs ~5 ns a byte; a ratio needs a fair sample, not the whole array: past the cap, every
        // k-th item (an even spread, so a repetitive head cannot pass for the whole array).
        int step = (int) Math.max(1, (total + MAX_DEFLATE_BYTES - 1) / MAX_DEFLATE_BYTES);
        StringBuilder all = new StringBuilder((int) Math.min(total, MAX_DEFLATE_BYTES + 4096));
        for (int i = 0; i < texts.size() && all.length() < MAX_DEFLATE_BYTES; i += step) {
            all.append(texts.get(i)).append('\n');
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
