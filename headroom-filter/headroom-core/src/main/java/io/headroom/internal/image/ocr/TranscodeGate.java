package io.headroom.internal.image.ocr;

import io.headroom.ImageConfig;
import java.time.Duration;
import java.util.Optional;

/**
 * The last word on {@code transcode}: the router has decided the question is about reading text; the image's
 * text replaces the image only when the OCR engine is installed, read at least one word, and its mean word
 * confidence reaches the threshold. Otherwise nothing, and the caller keeps the image ({@code preserve}).
 *
 * <p>Thread-safe.
 */
public final class TranscodeGate {
    /** Tesseract's mean word confidence (0..100) from which its text is sent instead of the pixels. */
    public static final double DEFAULT_MIN_CONFIDENCE = ImageConfig.DEFAULT_OCR_MIN_CONFIDENCE;

    private final TesseractOcr ocr;
    private final double minConfidence;

    public TranscodeGate(TesseractOcr ocr, double minConfidence) {
        if (!(minConfidence >= 0 && minConfidence <= 100)) {
            throw new IllegalArgumentException("minConfidence must be within 0..100: " + minConfidence);
        }
        this.ocr = ocr;
        this.minConfidence = minConfidence;
    }

    public boolean available() {
        return ocr.available();
    }

    /**
     * The text of {@code encoded} (the image's bytes as sent) when it may replace the image, read within
     * {@code budget} (null: the engine's timeout); empty otherwise.
     */
    public Optional<OcrText> confidentText(byte[] encoded, Duration budget) {
        return ocr.recognize(encoded, budget)
                .filter(text -> text.words() > 0 && text.meanConfidence() >= minConfidence);
    }
}
