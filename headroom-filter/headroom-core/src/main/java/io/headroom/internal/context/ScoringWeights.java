package io.headroom.internal.context;

/**
 * Relative weights of the importance signals, normalized to sum to 1.
 *
 * <p>The original project's defaults are recency 0.20, semantic similarity 0.20, TOIN importance 0.25,
 * error indicator 0.15, forward reference 0.15 and token density 0.05. TOIN importance is learned from
 * retrieval patterns across sessions; there is no such data here, so that signal is folded out and the
 * remaining five are renormalized (0.75 in total), which keeps their proportions.
 */
public record ScoringWeights(double recency, double similarity, double errorIndicator, double forwardReference,
                             double tokenDensity) {

    public static final ScoringWeights DEFAULTS = new ScoringWeights(0.20, 0.20, 0.15, 0.15, 0.05).normalized();

    public ScoringWeights {
        if (recency < 0 || similarity < 0 || errorIndicator < 0 || forwardReference < 0 || tokenDensity < 0) {
            throw new IllegalArgumentException("scoring weights must be >= 0");
        }
        if (recency + similarity + errorIndicator + forwardReference + tokenDensity <= 0) {
            throw new IllegalArgumentException("at least one scoring weight must be > 0");
        }
    }

    public ScoringWeights normalized() {
        double sum = recency + similarity + errorIndicator + forwardReference + tokenDensity;
        return new ScoringWeights(recency / sum, similarity / sum, errorIndicator / sum, forwardReference / sum,
                tokenDensity / sum);
    }
}
