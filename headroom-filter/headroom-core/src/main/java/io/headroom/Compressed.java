package io.headroom;

/**
 * The result of one compressor on one text.
 *
 * @param changed       false: forward the original (not applicable, nothing to gain, or a failure)
 * @param content       the compressed text (with its retrieval marker) or the original when unchanged
 * @param originalUnits items / lines / matches before
 * @param keptUnits     items / lines / matches kept
 */
public record Compressed(boolean changed, String content, int originalUnits, int keptUnits) {

    public static Compressed unchanged(String original) {
        return new Compressed(false, original == null ? "" : original, 0, 0);
    }
}
