package io.headroom;

/**
 * Totals of what was learned from retrievals, in the original's {@code /v1/toin/stats} terms plus the
 * feedback counters.
 *
 * @param enabled                    {@code learning.enabled}
 * @param patternsTracked            tool signatures with learned statistics
 * @param totalCompressions          compressions recorded over all signatures
 * @param totalRetrievals            retrievals recorded over all signatures
 * @param patternsWithRecommendations signatures whose confidence reached the threshold (their hints apply)
 * @param learnedPatterns            learned item patterns (field values usually retrieved) over those signatures
 * @param feedbackEvents             retrievals recorded (headroom_retrieve, /v1/retrieve, MCP)
 * @param feedbackUnknown            retrievals that could not be attributed to a signature (unknown hash, an
 *                                   original stored without one): ignored and counted
 * @param hintApplications           compressions a learned hint changed (more or fewer items, items kept)
 */
public record LearningStats(boolean enabled, int patternsTracked, long totalCompressions, long totalRetrievals,
                            int patternsWithRecommendations, int learnedPatterns, long feedbackEvents,
                            long feedbackUnknown, long hintApplications) {

    public static final LearningStats EMPTY = new LearningStats(false, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Retrievals per compression over every signature; 0 before any compression. */
    public double globalRetrievalRate() {
        return totalCompressions == 0 ? 0.0 : (double) totalRetrievals / totalCompressions;
    }
}
