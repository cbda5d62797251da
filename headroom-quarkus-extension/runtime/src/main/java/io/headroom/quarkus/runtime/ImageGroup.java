package io.headroom.quarkus.runtime;

import io.quarkus.runtime.annotations.ConfigDocDefault;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Image options ({@code io.headroom.ImageConfig}). Unset keys take the core's defaults. */
public interface ImageGroup {

    /**
     * Whether images in requests are resized, cropped, set to low detail or transcribed as their question needs
     * (originals kept in CCR). Images are counted in the tokens either way. Off by default in the library; the
     * sample gateway turns it on.
     */
    @ConfigDocDefault("false")
    Optional<Boolean> enabled();

    /** Most pixels (width x height, read from the header) an image may have to be decoded; larger ones go on untouched. */
    @ConfigDocDefault("16777216")
    OptionalLong maxPixels();

    /** OCR for questions about reading an image's text. */
    OcrGroup ocr();

    /** OCR options ({@code image.ocr.*}). */
    interface OcrGroup {
        /**
         * Mean OCR word confidence (0..100) from which a text-reading question gets the image's text instead of its
         * pixels; below it the image is kept.
         */
        @ConfigDocDefault("80")
        OptionalDouble minConfidence();
    }
}
