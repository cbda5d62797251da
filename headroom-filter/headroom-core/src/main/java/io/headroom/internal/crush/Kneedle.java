package io.headroom.internal.crush;

/**
 * The Kneedle algorithm (Satopää et al., 2011) for a non-decreasing, concave-ish curve: normalise both axes to
 * [0, 1] and take the point of maximum distance above the chord from the first to the last point. That is
 * where the curve stops rising faster than linearly, i.e. where extra items stop adding new information.
 */
final class Kneedle {

    /** A bend smaller than this (in normalised units) is noise: the curve is effectively a straight line. */
    static final double MIN_DEVIATION = 0.05;

    private Kneedle() {
    }

    /**
     * @param curve {@code curve[x]} for x = 0..m, non-decreasing
     * @return the x of the knee, or -1 when the curve has no clear knee (straight, flat or too short)
     */
    static int knee(double[] curve) {
        int m = curve.length - 1;
        if (m < 2) return -1;
        double y0 = curve[0];
        double range = curve[m] - y0;
        if (!(range > 0)) return -1;
        int best = -1;
        double bestDiff = MIN_DEVIATION;
        for (int x = 1; x < m; x++) {
            double diff = (curve[x] - y0) / range - (double) x / m;
            if (diff > bestDiff) {
                bestDiff = diff;
                best = x;
            }
        }
        return best;
    }
}
