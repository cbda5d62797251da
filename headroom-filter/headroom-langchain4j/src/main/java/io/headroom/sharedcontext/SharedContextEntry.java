package io.headroom.sharedcontext;

import java.time.Instant;
import java.util.List;

/**
 * One piece of context handed between agents.
 *
 * @param key              the key it was put under
 * @param original         the content as put
 * @param compressed       what {@link SharedContext#get(String)} returns; equal to {@code original} when
 *                         compression did not pay off
 * @param originalTokens   tokens of {@code original}
 * @param compressedTokens tokens of {@code compressed}
 * @param transforms       what compressed it, e.g. {@code router:json:0.20}; empty when nothing did
 * @param agent            who put it, or null
 * @param createdAt        when it was put
 */
public record SharedContextEntry(String key, String original, String compressed, int originalTokens,
                                 int compressedTokens, List<String> transforms, String agent, Instant createdAt) {

    public SharedContextEntry {
        transforms = List.copyOf(transforms);
    }

    public int tokensSaved() {
        return Math.max(0, originalTokens - compressedTokens);
    }

    /** Percentage of tokens saved, 0 to 100. */
    public double savingsPercent() {
        return originalTokens == 0 ? 0.0 : 100.0 * tokensSaved() / originalTokens;
    }
}
