package io.headroom.internal.image.ocr;

import io.headroom.internal.image.ImageTranscriber;
import java.time.Duration;

/**
 * The image stage's transcriber backed by the OCR engine: the text only when the {@link TranscodeGate} lets it
 * replace the image (engine installed, words read, confidence at the configured threshold); nothing otherwise.
 * The confidence is reported on the stage's 0..1 scale. Thread-safe.
 */
public final class OcrTranscriber implements ImageTranscriber {
    private final TranscodeGate gate;

    public OcrTranscriber(TranscodeGate gate) {
        this.gate = gate;
    }

    @Override
    public Transcript transcribe(byte[] encoded, Duration budget) {
        return gate.confidentText(encoded, budget)
                .map(text -> new Transcript(text.text(), text.meanConfidence() / 100))
                .orElse(null);
    }
}
