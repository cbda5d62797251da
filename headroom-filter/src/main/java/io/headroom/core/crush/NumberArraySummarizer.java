package io.headroom.core.crush;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Replaces an array of numbers (a metric series) by a statistical summary that keeps the values an analyst
 * asks about: the first and last values, every outlier with its index, and points where the level shifts.
 */
final class NumberArraySummarizer {

    /** Result: the summary node and how many original values it still carries verbatim. */
    record Summary(ObjectNode node, int keptCount) {
    }

    private static final MathContext SIGNIFICANT = new MathContext(6);

    private final JsonNodeFactory nodes;
    private final int keepFirst;
    private final int keepLast;
    private final double stdThreshold;

    NumberArraySummarizer(JsonNodeFactory nodes, int keepFirst, int keepLast, double stdThreshold) {
        this.nodes = nodes;
        this.keepFirst = keepFirst;
        this.keepLast = keepLast;
        this.stdThreshold = stdThreshold;
    }

    Summary summarize(ArrayNode array, String ccrHash) {
        int n = array.size();
        double[] values = new double[n];
        for (int i = 0; i < n; i++) values[i] = array.get(i).doubleValue();

        DescriptiveStatistics stats = new DescriptiveStatistics();
        for (double v : values) if (Double.isFinite(v)) stats.addValue(v);

        BitSet kept = new BitSet(n);
        ArrayNode first = nodes.arrayNode();
        for (int i = 0; i < Math.min(keepFirst, n); i++) {
            first.add(array.get(i));
            kept.set(i);
        }
        ArrayNode last = nodes.arrayNode();
        for (int i = Math.max(Math.min(keepFirst, n), n - keepLast); i < n; i++) {
            last.add(array.get(i));
            kept.set(i);
        }
        BitSet outlierIdx = AnomalyDetector.outliers(values, stdThreshold);
        ArrayNode outliers = nodes.arrayNode();
        for (int i = outlierIdx.nextSetBit(0); i >= 0; i = outlierIdx.nextSetBit(i + 1)) {
            outliers.addObject().put("index", i).set("value", array.get(i));
            kept.set(i);
        }
        ArrayNode changes = changePoints(values, outlierIdx, stats.getPercentile(50));

        ObjectNode summary = nodes.objectNode();
        summary.put("count", n);
        if (stats.getN() > 0) {
            summary.put("min", round(stats.getMin()));
            summary.put("max", round(stats.getMax()));
            summary.put("mean", round(stats.getMean()));
            summary.put("stddev", round(stats.getStandardDeviation()));
            summary.put("p50", round(stats.getPercentile(50)));
            summary.put("p90", round(stats.getPercentile(90)));
            summary.put("p99", round(stats.getPercentile(99)));
        }

        ObjectNode out = nodes.objectNode();
        out.put(CrushMarker.KEY, CrushMarker.text(n, kept.cardinality(), ccrHash));
        out.set("summary", summary);
        out.set("first", first);
        if (!last.isEmpty()) out.set("last", last);
        if (!outliers.isEmpty()) out.set("outliers", outliers);
        if (!changes.isEmpty()) out.set("change_points", changes);
        return new Summary(out, kept.cardinality());
    }

    /**
     * Sudden, sustained shifts of the level: the mean of the window after an index differs from the mean of the
     * window before it by more than the threshold times the series' standard deviation. Outliers are replaced
     * by the median first so that a single spike does not read as two level shifts.
     */
    private ArrayNode changePoints(double[] raw, BitSet outliers, double median) {
        ArrayNode out = nodes.arrayNode();
        int n = raw.length;
        int w = Math.max(5, n / 20);
        if (n < 4 * w) return out;
        double[] v = Arrays.copyOf(raw, n);
        DescriptiveStatistics clean = new DescriptiveStatistics();
        for (int i = 0; i < n; i++) {
            if (outliers.get(i) || !Double.isFinite(v[i])) v[i] = median;
            clean.addValue(v[i]);
        }
        double sd = clean.getStandardDeviation();
        if (!(sd > 0)) return out;
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + v[i];
        int i = w;
        while (i <= n - w) {
            double shift = shift(prefix, i, w);
            if (Math.abs(shift) > stdThreshold * sd) {
                // Take the strongest point of this shifted stretch, then skip a window past it.
                int best = i;
                for (int j = i + 1; j <= Math.min(n - w, i + w); j++) {
                    if (Math.abs(shift(prefix, j, w)) > Math.abs(shift(prefix, best, w))) best = j;
                }
                ObjectNode cp = out.addObject();
                cp.put("index", best);
                cp.put("mean_before", round((prefix[best] - prefix[best - w]) / w));
                cp.put("mean_after", round((prefix[best + w] - prefix[best]) / w));
                i = best + w;
            } else {
                i++;
            }
        }
        return out;
    }

    private static double shift(double[] prefix, int i, int w) {
        return (prefix[i + w] - prefix[i]) / w - (prefix[i] - prefix[i - w]) / w;
    }

    private static double round(double x) {
        if (!Double.isFinite(x) || x == Math.rint(x)) return x;
        return new BigDecimal(x).round(SIGNIFICANT).doubleValue();
    }
}
