package io.headroom.internal.crush;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Finds the items that stand out statistically: numeric values beyond the standard-deviation threshold,
 * string lengths beyond it, rare values of low-cardinality fields ("suspended" among "active") and rare
 * fields (an "error_code" only one item has), and change points: the item where a numeric field or a bare
 * number series shifts to a new level (see {@link ChangePoints}).
 *
 * <p>The standard-deviation threshold is raised for long series to Chauvenet's criterion
 * ({@link #effectiveThreshold}) for outliers (not for level shifts, whose size is measured against a spread
 * they inflate themselves): in 300 normally distributed values, 2 standard deviations is exceeded by
 * about 14 of them by chance alone, and those are the ordinary tails of the data, not anomalies. Identifier
 * fields ({@code id}, {@code user_id}, {@code parent.id}, {@code orderId}) are not tested for outliers or
 * shifts: the size of an id says nothing about the item.
 */
final class AnomalyDetector {

    /** Rare-value and rare-field rules need enough items for "rare" to mean something. */
    private static final int MIN_ITEMS_FOR_RARITY = 20;
    /**
     * A rule that flags more than this share of items describes a regular mode of the data, not outliers
     * (e.g. a 90/10 split of a two-valued field), so its flags are ignored.
     */
    private static final double MAX_FLAGGED_SHARE = 0.10;

    private static final org.apache.commons.math3.distribution.NormalDistribution STANDARD_NORMAL =
            new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1);

    private final double stdThreshold;

    AnomalyDetector(double stdThreshold) {
        this.stdThreshold = stdThreshold;
    }

    double stdThreshold() {
        return stdThreshold;
    }

    BitSet find(List<JsonNode> items, List<ItemFacts> facts) {
        int n = items.size();
        BitSet anomalies = new BitSet(n);
        NameMemo<Series> numeric = new NameMemo<>(new LinkedHashMap<>(), path -> new Series(n));
        Series bareNumbers = new Series(n);
        Series stringLengths = new Series(n);
        for (int i = 0; i < n; i++) {
            JsonNode item = items.get(i);
            if (item.isNumber()) {
                bareNumbers.add(i, item.doubleValue());
            } else if (item.isTextual()) {
                stringLengths.add(i, item.textValue().length());
            } else if (item.isObject()) {
                ItemFacts f = facts.get(i);
                for (int j = 0; j < f.scalarCount(); j++) {
                    JsonNode value = f.values()[j];
                    if (value.isNumber()) {
                        numeric.get(j, f.paths()[j]).add(i, value.doubleValue());
                    }
                }
            }
        }
        for (Map.Entry<String, Series> e : numeric.entries().entrySet()) {
            if (!isIdentifier(e.getKey())) flagOutliersAndShifts(e.getValue(), anomalies);
        }
        flagOutliersAndShifts(bareNumbers, anomalies);
        flagLengthOutliers(stringLengths, anomalies);
        if (n >= MIN_ITEMS_FOR_RARITY) flagRareValuesAndFields(facts, anomalies);
        return anomalies;
    }

    /**
     * Indexes (into the series) of values farther than the {@link #effectiveThreshold effective threshold}
     * from the mean; none when degenerate.
     */
    static BitSet outliers(double[] values, double stdThreshold) {
        SummaryStatistics stats = new SummaryStatistics();
        for (double v : values) if (Double.isFinite(v)) stats.addValue(v);
        BitSet out = new BitSet(values.length);
        double sd = stats.getStandardDeviation();
        if (stats.getN() < 3 || !(sd > 0)) return out;
        double mean = stats.getMean();
        double threshold = effectiveThreshold(stdThreshold, (int) stats.getN());
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i]) && Math.abs(values[i] - mean) > threshold * sd) out.set(i);
        }
        return out;
    }

    /**
     * The configured threshold, or Chauvenet's criterion when that is stricter: the distance z at which fewer
     * than half a value of {@code n} normally distributed ones is expected beyond it by chance
     * ({@code n * P(|Z| > z) = 0.5}, z = Φ⁻¹(1 - 1/(4n))). About 2.0 for 10 values, 2.2 for 20, 2.6 for 60, 3.0 for 200,
     * 3.5 for 1,000: a long series flags what is unusual for its length, not its ordinary tails.
     */
    static double effectiveThreshold(double stdThreshold, int n) {
        if (n < 2) return stdThreshold;
        return Math.max(stdThreshold, STANDARD_NORMAL.inverseCumulativeProbability(1.0 - 0.25 / n));
    }

    /** Whether a (dotted) field path names an identifier: {@code id}, {@code user_id}, {@code a.id}, {@code orderId}. */
    static boolean isIdentifier(String path) {
        String key = path.substring(path.lastIndexOf('.') + 1);
        int len = key.length();
        if (len < 2) return false;
        if (key.equalsIgnoreCase("id")) return true;
        if (key.charAt(len - 2) == 'I' && key.charAt(len - 1) == 'd') return true; // orderId
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith("_id") || lower.endsWith("-id");
    }

    private void flagOutliersAndShifts(Series s, BitSet anomalies) {
        if (s.size < 3) return;
        double[] values = s.values();
        BitSet hits = outliers(values, stdThreshold);
        BitSet shifts = new BitSet(s.size);
        for (ChangePoints.Shift shift : ChangePoints.detect(values, hits, stdThreshold)) shifts.set(shift.index());
        if (hits.cardinality() > MAX_FLAGGED_SHARE * s.size) hits.clear();
        if (shifts.cardinality() > MAX_FLAGGED_SHARE * s.size) shifts.clear();
        hits.or(shifts);
        for (int j = hits.nextSetBit(0); j >= 0; j = hits.nextSetBit(j + 1)) anomalies.set(s.index[j]);
    }

    /**
     * String length outliers must also differ from the mean length by a quarter of it: in a list of similar
     * paths a few characters more or less is noise even when it is two standard deviations.
     */
    private void flagLengthOutliers(Series s, BitSet anomalies) {
        if (s.size < 3) return;
        double[] lengths = s.values();
        BitSet hits = outliers(lengths, stdThreshold);
        double mean = java.util.Arrays.stream(lengths).average().orElse(0);
        for (int j = hits.nextSetBit(0); j >= 0; j = hits.nextSetBit(j + 1)) {
            if (Math.abs(lengths[j] - mean) <= 0.25 * mean) hits.clear(j);
        }
        if (hits.cardinality() > MAX_FLAGGED_SHARE * s.size) return;
        for (int j = hits.nextSetBit(0); j >= 0; j = hits.nextSetBit(j + 1)) anomalies.set(s.index[j]);
    }

    private static void flagRareValuesAndFields(List<ItemFacts> facts, BitSet anomalies) {
        int n = facts.size();
        int rareCount = Math.max(1, n / 100);
        int maxDistinct = Math.max(5, (int) Math.sqrt(n));
        // One pass counts; each scalar's field and value id are kept, so the second pass looks nothing up.
        int total = 0;
        for (ItemFacts f : facts) total += f.scalarCount();
        Field[] fieldOf = new Field[total];
        int[] valueOf = new int[total];
        NameMemo<Field> fields = new NameMemo<>(path -> new Field());
        int slot = 0;
        for (ItemFacts f : facts) {
            for (int j = 0; j < f.scalarCount(); j++, slot++) {
                Field field = fields.get(j, f.paths()[j]);
                field.present++;
                fieldOf[slot] = field;
                valueOf[slot] = field.count(f.values()[j], maxDistinct);
            }
        }
        BitSet rare = new BitSet(n);
        slot = 0;
        for (int i = 0; i < n; i++) {
            int scalars = facts.get(i).scalarCount();
            for (int j = 0; j < scalars; j++, slot++) {
                Field field = fieldOf[slot];
                int present = field.present;
                if (present <= rareCount && present < n) {
                    rare.set(i);
                    continue;
                }
                if (field.distinct() < 2 || field.distinct() > maxDistinct) continue;
                if (present * 2 < n) continue;
                int value = valueOf[slot];
                if (value >= 0 && field.counts[value] <= rareCount) rare.set(i);
            }
        }
        if (rare.cardinality() <= MAX_FLAGGED_SHARE * n) anomalies.or(rare);
    }

    /** How many items have one scalar path, and (while it looks categorical) how often each value occurs. */
    private static final class Field {
        int present;
        /** Value ids by category; null until the first categorical value. */
        Map<Object, Integer> ids;
        int[] counts;

        /** Past the cardinality limit the field is not categorical: its values are no longer counted. */
        int distinct() {
            return ids == null ? 0 : ids.size();
        }

        /** Counts {@code value}; its id, or -1 when it is not categorical or no longer counted. */
        int count(JsonNode value, int maxDistinct) {
            if (ids != null && ids.size() > maxDistinct) return -1;
            Object category = category(value);
            if (category == null) return -1;
            if (ids == null) {
                ids = new HashMap<>();
                counts = new int[maxDistinct + 1];
            }
            Integer id = ids.get(category);
            if (id == null) {
                id = ids.size();
                ids.put(category, id);
            }
            counts[id]++;
            return id;
        }
    }

    /**
     * Categorical identity of a scalar: strings (the text), booleans and whole numbers (their value, whatever
     * the node's integer width); null for everything else. The three kinds are different classes, so a text
     * "1" and a number 1 stay different categories.
     */
    private static Object category(JsonNode v) {
        if (v.isTextual()) return v.textValue();
        if (v.isBoolean()) return v.booleanValue() ? Boolean.TRUE : Boolean.FALSE;
        if (v.isIntegralNumber()) return v.canConvertToLong() ? (Object) v.longValue() : v.bigIntegerValue();
        return null;
    }

    /** Values of one numeric field with the item index each came from. */
    private static final class Series {
        final int[] index;
        final double[] values;
        int size;

        Series(int capacity) {
            index = new int[capacity];
            values = new double[capacity];
        }

        void add(int i, double v) {
            index[size] = i;
            values[size++] = v;
        }

        double[] values() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
