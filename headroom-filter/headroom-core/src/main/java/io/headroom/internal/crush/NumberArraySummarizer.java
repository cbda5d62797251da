package io.headroom.internal.crush;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.BitSet;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

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

    /** @param ccrHash key quoted in the marker; null writes no marker */
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
        ArrayNode changes = changePoints(values, outlierIdx);

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
        if (ccrHash != null) out.put(CrushMarker.KEY, CrushMarker.text(n, kept.cardinality(), ccrHash));
        out.set("summary", summary);
        out.set("first", first);
        if (!last.isEmpty()) out.set("last", last);
        if (!outliers.isEmpty()) out.set("outliers", outliers);
        if (!changes.isEmpty()) out.set("change_points", changes);
        return new Summary(out, kept.cardinality());
    }

    /** Level shifts (see {@link ChangePoints}): where the new level starts and the window means around it. */
    private ArrayNode changePoints(double[] values, BitSet outliers) {
        ArrayNode out = nodes.arrayNode();
        for (ChangePoints.Shift s : ChangePoints.detect(values, outliers, stdThreshold)) {
            ObjectNode cp = out.addObject();
            cp.put("index", s.index());
            cp.put("mean_before", round(s.meanBefore()));
            cp.put("mean_after", round(s.meanAfter()));
        }
        return out;
    }

    private static double round(double x) {
        if (!Double.isFinite(x) || x == Math.rint(x)) return x;
        return new BigDecimal(x).round(SIGNIFICANT).doubleValue();
    }
}
