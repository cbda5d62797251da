package io.headroom.sharedcontext;

/**
 * Totals over the live (unexpired) entries of a {@link SharedContext}.
 *
 * @param entries               live entries
 * @param totalOriginalTokens   tokens of their originals
 * @param totalCompressedTokens tokens of their compressed forms
 */
public record SharedContextStats(int entries, long totalOriginalTokens, long totalCompressedTokens) {

    public long totalTokensSaved() {
        return Math.max(0, totalOriginalTokens - totalCompressedTokens);
    }

    /** Percentage of tokens saved, 0 to 100. */
    public double savingsPercent() {
        return totalOriginalTokens == 0 ? 0.0 : 100.0 * totalTokensSaved() / totalOriginalTokens;
    }
}
