package io.headroom;

import static io.headroom.ConfigAssertions.assertDocumentedDefaults;
import static io.headroom.ConfigAssertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageConfigTest {

    @Test
    void defaultsAreTheNamedConstants() {
        ImageConfig d = ImageConfig.defaults();
        assertEquals(ImageConfig.DEFAULT_ENABLED, d.enabled());
        assertFalse(d.enabled(), "the library changes no user image unless asked; the gateway turns it on");
        assertEquals(4096L * 4096L, d.maxPixels());
        assertEquals(ImageConfig.DEFAULT_OCR_MIN_CONFIDENCE, d.ocrMinConfidence());
        assertEquals(d, ImageConfig.fromProperties(key -> null));
        assertEquals(d, HeadroomConfig.defaults().image());
        assertDocumentedDefaults(ImageConfig.OPTIONS, d.toProperties());
    }

    @Test
    void everyRefusalNamesItsOption() {
        assertRefused(ImageConfig.ENABLED, () -> ImageConfig.fromMap(Map.of(ImageConfig.ENABLED, "sometimes")));
        assertRefused(ImageConfig.MAX_PIXELS, () -> ImageConfig.fromMap(Map.of(ImageConfig.MAX_PIXELS, "0")));
        assertRefused(ImageConfig.OCR_MIN_CONFIDENCE,
                () -> ImageConfig.fromMap(Map.of(ImageConfig.OCR_MIN_CONFIDENCE, "101")));
        assertRefused(ImageConfig.OCR_MIN_CONFIDENCE,
                () -> ImageConfig.fromMap(Map.of(ImageConfig.OCR_MIN_CONFIDENCE, "-1")));
    }

    @Test
    void propertiesRoundTripAlsoThroughTheWholeConfig() {
        ImageConfig on = ImageConfig.builder().enabled(true).maxPixels(1_000_000).ocrMinConfidence(92.5).build();
        assertEquals(Map.of(ImageConfig.ENABLED, "true", ImageConfig.MAX_PIXELS, "1000000",
                ImageConfig.OCR_MIN_CONFIDENCE, "92.5"), on.toProperties());
        assertEquals(on, ImageConfig.fromMap(on.toProperties()));
        HeadroomConfig whole = HeadroomConfig.fromMap(Map.of("image.enabled", "true", "image.max-pixels", "1000000",
                "image.ocr.min-confidence", "92.5"));
        assertEquals(on, whole.image());
        assertEquals(whole, HeadroomConfig.fromMap(whole.toProperties()));
    }
}
