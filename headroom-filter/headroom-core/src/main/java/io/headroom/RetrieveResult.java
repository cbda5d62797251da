package io.headroom;

import java.util.List;

/**
 * The answer of {@code POST /v1/retrieve}. Without a query {@code matches} is empty and
 * {@code originalContent} is the stored original, byte-identical; with a query {@code matches}
 * holds the items of the original that match it (BM25), best first.
 */
public record RetrieveResult(String hash, String originalContent, int originalTokens, int originalItemCount,
                             int compressedItemCount, String toolName, long retrievalCount,
                             String query, List<String> matches) {
    public RetrieveResult {
        matches = matches == null ? List.of() : List.copyOf(matches);
    }
}
