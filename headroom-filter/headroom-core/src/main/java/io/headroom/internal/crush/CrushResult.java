package io.headroom.internal.crush;

import java.util.Objects;

/**
 * Outcome of crushing one tool output.
 *
 * @param changed           whether {@code content} differs from the input (then it is strictly shorter)
 * @param content           the text to send on; the input itself when unchanged
 * @param originalItemCount items in all crushed arrays before crushing (0 when unchanged)
 * @param keptItemCount     items of those arrays still present after crushing (0 when unchanged)
 */
public record CrushResult(boolean changed, String content, int originalItemCount, int keptItemCount) {

    public CrushResult {
        Objects.requireNonNull(content, "content");
    }

    public static CrushResult unchanged(String original) {
        return new CrushResult(false, original == null ? "" : original, 0, 0);
    }
}
