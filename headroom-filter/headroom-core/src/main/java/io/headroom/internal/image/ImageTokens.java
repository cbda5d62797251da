package io.headroom.internal.image;

/**
 * Tokens one image costs the model, from its pixel size, per provider's published rule:
 * <ul>
 *   <li>OpenAI: {@link OpenAiVisionModel} (tiles with {@code detail}, or patches);</li>
 *   <li>Anthropic: {@code ceil(w * h / 750)} after its own downscale (long edge at most 1568 px, at most
 *       1.15 megapixels);</li>
 *   <li>Gemini: 258 when both sides are at most 384 px, else 258 per 768 x 768 tile.</li>
 * </ul>
 * An image whose size cannot be known without fetching it (a URL, a file id, an unreadable payload) is counted
 * as {@link #DEFAULT_SIDE} x {@link #DEFAULT_SIDE}: a screenshot-sized guess (765 tokens on gpt-4o, as the original
 * project estimates unknown images); such images are never fetched.
 */
public final class ImageTokens {
    /** Side of the square an image of unknown size is counted as. */
    public static final int DEFAULT_SIDE = 1024;

    static final int ANTHROPIC_MAX_EDGE = 1568;
    static final long ANTHROPIC_MAX_PIXELS = 1_150_000;
    static final int GEMINI_TILE = 768;
    static final int GEMINI_SMALL = 384;
    static final int GEMINI_TILE_TOKENS = 258;

    private ImageTokens() {
    }

    /**
     * @param detail OpenAI's {@code detail} ("low", "high", "auto" or null: auto is charged as high, the most
     *               it can cost); ignored by the other providers
     */
    public static int count(ImageProvider provider, String model, int width, int height, String detail) {
        if (width <= 0 || height <= 0) {
            return count(provider, model, DEFAULT_SIDE, DEFAULT_SIDE, detail);
        }
        return switch (provider) {
            case OPENAI -> OpenAiVisionModel.of(model).tokens(width, height, "low".equals(detail));
            case ANTHROPIC -> anthropic(width, height);
            case GEMINI -> gemini(width, height);
        };
    }

    /** An image whose size is unknown ({@link #DEFAULT_SIDE} square). */
    public static int countUnknown(ImageProvider provider, String model, String detail) {
        return count(provider, model, DEFAULT_SIDE, DEFAULT_SIDE, detail);
    }

    /** True when the model charges less for {@code detail: "low"} than for its pixels. */
    public static boolean lowDetailHonoured(ImageProvider provider, String model) {
        return provider == ImageProvider.OPENAI && OpenAiVisionModel.of(model).honoursLowDetail();
    }

    /**
     * The factor (at most 1) by which the provider itself shrinks a {@code width} x {@code height} image before the
     * model sees it: a crop scaled by it shows the model every pixel of that region it would have seen in the
     * whole image, at a fraction of the tokens. Gemini tiles at full size (1).
     */
    public static double viewScale(ImageProvider provider, String model, int width, int height, String detail) {
        if (width <= 0 || height <= 0) {
            return 1;
        }
        return switch (provider) {
            case OPENAI -> OpenAiVisionModel.of(model).viewScale(width, height, "low".equals(detail));
            case ANTHROPIC -> anthropicScale(width, height);
            case GEMINI -> 1;
        };
    }

    static int anthropic(int width, int height) {
        double scale = anthropicScale(width, height);
        long pixels = (long) Math.floor(width * scale) * (long) Math.floor(height * scale);
        return (int) Math.max(1, (pixels + 749) / 750);
    }

    /** Anthropic's downscale: long edge at most 1568 px, then at most 1.15 megapixels. */
    private static double anthropicScale(int width, int height) {
        double scale = Math.min(1, (double) ANTHROPIC_MAX_EDGE / Math.max(width, height));
        double pixels = (double) width * height * scale * scale;
        if (pixels > ANTHROPIC_MAX_PIXELS) {
            scale *= Math.sqrt(ANTHROPIC_MAX_PIXELS / pixels);
        }
        return scale;
    }

    static int gemini(int width, int height) {
        if (width <= GEMINI_SMALL && height <= GEMINI_SMALL) {
            return GEMINI_TILE_TOKENS;
        }
        long tiles = ((width + GEMINI_TILE - 1L) / GEMINI_TILE) * ((height + GEMINI_TILE - 1L) / GEMINI_TILE);
        return Math.toIntExact(Math.min(Integer.MAX_VALUE, tiles * GEMINI_TILE_TOKENS));
    }
}
