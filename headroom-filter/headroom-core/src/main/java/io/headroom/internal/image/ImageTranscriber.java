package io.headroom.internal.image;

import java.time.Duration;

/**
 * Reads the text of an image for {@link ImageTechnique#TRANSCODE} (the query router's OCR engine plugs in here).
 * Implementations are thread-safe; {@link #NONE} reads nothing, so transcode keeps the pixels.
 */
@FunctionalInterface
public interface ImageTranscriber {
    ImageTranscriber NONE = (image, budget) -> null;

    /**
     * The text of {@code encoded} (the image's bytes as sent: PNG, JPEG, GIF or WebP, its header already checked,
     * so the engine reads them without a decode and re-encode here) and the engine's confidence in it (0..1), or null when it read nothing, is not confident enough for
     * the text to replace the image, is not available, or cannot finish within {@code budget} (the share of the
     * request's compression deadline it may take: past it, the work is abandoned and the image kept).
     */
    Transcript transcribe(byte[] encoded, Duration budget);

    record Transcript(String text, double confidence) {
    }
}
