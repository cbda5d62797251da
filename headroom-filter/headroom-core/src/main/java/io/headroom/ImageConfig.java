package io.headroom;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Compression of images in requests (screenshots, photos, documents): each image is sent at the resolution the
 * user's question needs (OpenAI {@code detail: "low"} or a smaller copy, Anthropic and Gemini a resized copy, a
 * crop, or recognised text), its original kept in CCR. Images are counted in the request's tokens whether or not
 * this is on. Off by default in the library (it changes user content); the sample gateway turns it on, as the
 * original proxy does. Immutable; built by {@link #builder()}.
 */
public final class ImageConfig {
    public static final String ENABLED = "image.enabled";
    public static final String MAX_PIXELS = "image.max-pixels";
    public static final String OCR_MIN_CONFIDENCE = "image.ocr.min-confidence";

    public static final boolean DEFAULT_ENABLED = false;
    /**
     * 4096 x 4096: decoding costs 4 bytes a pixel (64 MB here), so a larger image, or a decompression bomb
     * claiming to be one, is left as it is; its size is read from the header only.
     */
    public static final long DEFAULT_MAX_PIXELS = 4096L * 4096L;
    /**
     * Tesseract's mean word confidence (0..100) from which an image's recognised text is sent instead of its pixels:
     * below it, misread words would cost the answer more than the tokens saved.
     */
    public static final double DEFAULT_OCR_MIN_CONFIDENCE = 80;

    private static final PropertyTable<ImageConfig, Builder> PROPERTIES = new PropertyTable<ImageConfig, Builder>()
            .bool(ENABLED, DEFAULT_ENABLED,
                    "Whether images in requests are resized, cropped, set to low detail or transcribed as their "
                            + "question needs (originals kept in CCR). Images are counted in the tokens either way.",
                    Builder::enabled, ImageConfig::enabled)
            .longValue(MAX_PIXELS, DEFAULT_MAX_PIXELS,
                    "Most pixels (width x height, read from the header) an image may have to be decoded; larger ones "
                            + "go on untouched and counted.",
                    Builder::maxPixels, ImageConfig::maxPixels)
            .decimal(OCR_MIN_CONFIDENCE, DEFAULT_OCR_MIN_CONFIDENCE,
                    "Mean OCR word confidence (0..100) from which a text-reading question gets the image's text instead "
                            + "of its pixels; below it the image is kept.",
                    Builder::ocrMinConfidence, ImageConfig::ocrMinConfidence);

    /** Every option of this slice. */
    public static final List<ConfigOption> OPTIONS = PROPERTIES.options();

    private static final ImageConfig DEFAULTS = builder().build();

    private final boolean enabled;
    private final long maxPixels;
    private final double ocrMinConfidence;

    private ImageConfig(Builder b) {
        this.enabled = b.enabled;
        this.maxPixels = b.maxPixels;
        this.ocrMinConfidence = b.ocrMinConfidence;
    }

    public static ImageConfig defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads this slice's options by property name; absent or blank values keep the default. */
    public static ImageConfig fromProperties(Function<String, String> lookup) {
        return PROPERTIES.read(lookup, builder()).build();
    }

    /** As {@link #fromProperties}, over a map. */
    public static ImageConfig fromMap(Map<String, String> properties) {
        return fromProperties(properties::get);
    }

    /** Images are compressed only when true. */
    public boolean enabled() { return enabled; }

    /** The most pixels an image may have to be decoded. */
    public long maxPixels() { return maxPixels; }

    /** The OCR engine's mean word confidence (0..100) from which an image's text replaces it. */
    public double ocrMinConfidence() { return ocrMinConfidence; }

    public Builder toBuilder() {
        return new Builder().enabled(enabled).maxPixels(maxPixels).ocrMinConfidence(ocrMinConfidence);
    }

    /** Every option as a property. */
    public Map<String, String> toProperties() {
        return PROPERTIES.write(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageConfig c && enabled == c.enabled && maxPixels == c.maxPixels
                && Double.compare(ocrMinConfidence, c.ocrMinConfidence) == 0;
    }

    @Override
    public int hashCode() {
        return (Boolean.hashCode(enabled) * 31 + Long.hashCode(maxPixels)) * 31 + Double.hashCode(ocrMinConfidence);
    }

    @Override
    public String toString() {
        return "ImageConfig" + toProperties();
    }

    /** Mutable builder. */
    public static final class Builder {
        private boolean enabled = DEFAULT_ENABLED;
        private long maxPixels = DEFAULT_MAX_PIXELS;
        private double ocrMinConfidence = DEFAULT_OCR_MIN_CONFIDENCE;

        private Builder() {
        }

        public Builder enabled(boolean v) {
            this.enabled = v;
            return this;
        }

        /** @throws InvalidConfigException when not positive */
        public Builder maxPixels(long v) {
            if (v <= 0) {
                throw new InvalidConfigException(MAX_PIXELS, "must be positive, was " + v);
            }
            this.maxPixels = v;
            return this;
        }

        /** @throws InvalidConfigException when outside 0..100 */
        public Builder ocrMinConfidence(double v) {
            if (!(v >= 0 && v <= 100)) {
                throw new InvalidConfigException(OCR_MIN_CONFIDENCE, "must be within 0..100, was " + v);
            }
            this.ocrMinConfidence = v;
            return this;
        }

        public ImageConfig build() {
            return new ImageConfig(this);
        }
    }
}
