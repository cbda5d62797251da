package io.headroom.internal.crush;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Running-mean shift detector: a change point is an index where the mean of the window after it differs from
 * the mean of the window before it by more than the threshold times the series' standard deviation. Outliers
 * are replaced by the median first so that a single spike does not read as two level shifts. Windows are
 * {@code max(5, n/20)} values, so a steady trend (whose window means drift by a small fraction of its spread)
 * is not reported.
 */
final class ChangePoints {

    /** One level shift at {@code index} (the first value of the new level). */
    record Shift(int index, double meanBefore, double meanAfter) {
    }

    private ChangePoints() {
    }

    static List<Shift> detect(double[] raw, BitSet outliers, double stdThreshold) {
        List<Shift> out = new ArrayList<>();
        int n = raw.length;
        int w = Math.max(5, n / 20);
        if (n < 4 * w) return out;
        // one array per statistic instead of DescriptiveStatistics, which grows its store value by value
        double[] finite = new double[n];
        int count = 0;
        for (double v : raw) if (Double.isFinite(v)) finite[count++] = v;
        if (count == 0) return out;
        double median = new Percentile().evaluate(finite, 0, count, 50);
        double[] v = Arrays.copyOf(raw, n);
        for (int i = 0; i < n; i++) {
            if (outliers.get(i) || !Double.isFinite(v[i])) v[i] = median;
        }
        double sd = new StandardDeviation().evaluate(v);
        if (!(sd > 0)) return out;
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + v[i];
        int i = w;
        while (i <= n - w) {
            if (Math.abs(shift(prefix, i, w)) > stdThreshold * sd) {
                // Take the strongest point of this shifted stretch, then skip a window past it.
                int best = i;
                for (int j = i + 1; j <= Math.min(n - w, i + w); j++) {
                    if (Math.abs(shift(prefix, j, w)) > Math.abs(shift(prefix, best, w))) best = j;
                }
                out.add(new Shift(best, (prefix[best] - prefix[best - w]) / w, (prefix[best + w] - prefix[best]) / w));
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
}
