package io.headroom.internal.image;

import java.awt.image.BufferedImage;

/**
 * Reads the text of an image for {@link ImageTechnique#TRANSCODE} (the query router's OCR engine plugs in here).
 * Implementations are thread-safe; {@link #NONE} reads nothing, so transcode keeps the pixels.
 */
@FunctionalInterface
public interface ImageTranscriber {
    ImageTranscriber NONE = image -> null;

    /**
     * The text and the engine's confidence in it (0..1), or null when it read nothing, is not confident enough for
     * the text to replace the image, or is not available.
     */
    Transcript transcribe(BufferedImage image);

    record Transcript(String text, double confidence) {
    }
}
