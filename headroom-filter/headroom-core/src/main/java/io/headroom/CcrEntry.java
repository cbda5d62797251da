package io.headroom;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored original and what is known about its compression.
 *
 * @param original            the tool output exactly as the client sent it
 * @param originalTokens      its token count
 * @param originalItemCount   items in the original (0 when not a list)
 * @param compressedItemCount items kept in the compressed version
 * @param toolName            the tool that produced it, or null
 * @param createdAt           when it was stored
 * @param signature           the tool signature it was compressed under (tool name + shape of its output,
 *                            hashed), so a retrieval can be learned from; null when learning was off or for
 *                            originals that are not tool outputs (dropped turns)
 */
public record CcrEntry(String original, int originalTokens, int originalItemCount, int compressedItemCount,
                       String toolName, Instant createdAt, String signature) {
    public CcrEntry {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Without a signature. */
    public CcrEntry(String original, int originalTokens, int originalItemCount, int compressedItemCount,
                    String toolName, Instant createdAt) {
        this(original, originalTokens, originalItemCount, compressedItemCount, toolName, createdAt, null);
    }
}
