package io.headroom.internal.engine;

import io.headroom.ImageConfig;
import io.headroom.internal.image.ImageAnalysis;
import io.headroom.internal.image.ocr.OcrTranscriber;
import io.headroom.internal.image.ocr.TesseractOcr;
import io.headroom.internal.image.ocr.TranscodeGate;
import io.headroom.internal.image.route.BusiestRegion;
import io.headroom.internal.image.route.TrainedQueryRouter;

/**
 * The production image analysis: the trained query router (its keyword rules as fallback), the busiest region
 * for crops the question does not place, and Tesseract (found on the {@code PATH} at start-up, off when missing)
 * behind the configured confidence threshold. Assembled here because those packages depend on the image stage's.
 */
final class ImageAnalysisAssembly {
    private ImageAnalysisAssembly() {
    }

    static ImageAnalysis production(ImageConfig config) {
        return new ImageAnalysis(TrainedQueryRouter.shipped(), BusiestRegion::of,
                new OcrTranscriber(new TranscodeGate(TesseractOcr.detected(), config.ocrMinConfidence())));
    }
}
