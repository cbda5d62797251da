package io.headroom.internal.image;

import java.util.List;
import java.util.Locale;

/**
 * How one OpenAI model family charges for an image (OpenAI's "Calculating costs" guide for images). Two schemes:
 * <ul>
 *   <li>tiles: {@code base + tile * tiles} at {@code detail} high/auto, {@code base} alone at low, after scaling
 *       the image to fit 2048 x 2048 and then its short side down to 768 (gpt-4o, gpt-4.1, gpt-4.5, gpt-5, o1, o3,
 *       and gpt-4o-mini with its 33x per-token multiplier folded into 2833/5667);</li>
 *   <li>patches: 32 x 32 patches, at most 1536, times a per-model multiplier; {@code detail} does not apply
 *       (gpt-4.1-mini, gpt-4.1-nano, o4-mini, gpt-5-mini, gpt-5-nano).</li>
 * </ul>
 * Families are matched by name prefix, most specific first; an unknown model is charged as gpt-4o.
 */
record OpenAiVisionModel(String prefix, int baseTokens, int tileTokens, double patchMultiplier) {
    static final int TILE = 512;
    static final int PATCH = 32;
    static final int MAX_PATCHES = 1536;

    private static final OpenAiVisionModel DEFAULT = tiles("gpt-4o", 85, 170);
    private static final List<OpenAiVisionModel> FAMILIES = List.of(
            patches("gpt-4.1-mini", 1.62), patches("gpt-4.1-nano", 2.46), patches("o4-mini", 1.72),
            patches("gpt-5-mini", 1.62), patches("gpt-5-nano", 2.46),
            tiles("gpt-4o-mini", 2833, 5667), tiles("computer-use-preview", 65, 129),
            tiles("o1", 75, 150), tiles("o3", 75, 150),
            DEFAULT, tiles("gpt-4.1", 85, 170), tiles("gpt-4.5", 85, 170), tiles("gpt-5", 85, 170));

    static OpenAiVisionModel of(String model) {
        if (model == null) {
            return DEFAULT;
        }
        String m = model.toLowerCase(Locale.ROOT);
        m = m.substring(m.lastIndexOf('/') + 1); // "openai/gpt-4o"
        for (OpenAiVisionModel family : FAMILIES) {
            if (m.startsWith(family.prefix)) {
                return family;
            }
        }
        return DEFAULT;
    }

    private static OpenAiVisionModel tiles(String prefix, int base, int tile) {
        return new OpenAiVisionModel(prefix, base, tile, 0);
    }

    private static OpenAiVisionModel patches(String prefix, double multiplier) {
        return new OpenAiVisionModel(prefix, 0, 0, multiplier);
    }

    /** True when {@code detail: "low"} makes this family's images cheap (tile families). */
    boolean honoursLowDetail() {
        return patchMultiplier == 0;
    }

    int tokens(int width, int height, boolean lowDetail) {
        return honoursLowDetail() ? tileTokens(width, height, lowDetail) : patchTokens(width, height);
    }

    private int tileTokens(int width, int height, boolean lowDetail) {
        if (lowDetail) {
            return baseTokens;
        }
        double scale = tileScale(width, height);
        long tiles = ceil(width * scale / TILE) * ceil(height * scale / TILE);
        return Math.toIntExact(baseTokens + tileTokens * tiles);
    }

    /** The factor (at most 1) OpenAI shrinks the image by before charging it (see the class comment). */
    double viewScale(int width, int height, boolean lowDetail) {
        if (!honoursLowDetail()) {
            return patchScale(width, height);
        }
        // low detail: the model sees a 512 x 512 version
        return lowDetail ? Math.min(1, (double) TILE / Math.max(width, height)) : tileScale(width, height);
    }

    /** Fit 2048 x 2048, then the short side down to 768. */
    private static double tileScale(int width, int height) {
        double fit = Math.min(1, 2048.0 / Math.max(width, height));
        double shortSide = Math.min(width, height) * fit;
        return shortSide > 768 ? fit * 768 / shortSide : fit;
    }

    /** At most {@value #MAX_PATCHES} patches, then down to a whole number of patches across (OpenAI's example). */
    private static double patchScale(int width, int height) {
        double w = width;
        double h = height;
        if (ceil(w / PATCH) * ceil(h / PATCH) <= MAX_PATCHES) {
            return 1;
        }
        double shrink = Math.sqrt((double) PATCH * PATCH * MAX_PATCHES / (w * h));
        double across = w * shrink / PATCH;
        return shrink * Math.floor(across) / across;
    }

    private int patchTokens(int width, int height) {
        double scale = patchScale(width, height);
        double w = width * scale;
        double h = height * scale;
        long patches = Math.min(MAX_PATCHES, ceil(w / PATCH) * ceil(h / PATCH));
        return (int) Math.ceil(patches * patchMultiplier - 1e-9);
    }

    /** Ceiling that ignores floating-point dust (1408.0000001 px is 44 patches, not 45). */
    static long ceil(double v) {
        return (long) Math.ceil(v - 1e-6);
    }
}
