package io.headroom.internal.image.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.testimages.OcrAccuracy;
import io.headroom.host.OcrEngineStatus;
import io.headroom.testimages.TestImages;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OCR through the real engine on images drawn here with Java2D. Skipped when Tesseract is not installed,
 * unless {@code HEADROOM_OCR_REQUIRED=1} (set by CI, which installs it): then a missing engine fails.
 */
class TesseractOcrTest {
    private static final List<String> DOCUMENT = List.of(
            "INVOICE 2048 issued on March 14",
            "Deliver twelve boxes of copper wire",
            "Total amount due 1375 dollars",
            "Payment within thirty days please");

    private static TesseractOcr ocr;

    @BeforeAll
    static void engine() {
        ocr = TesseractOcr.detected();
        if (!ocr.available() && "1".equals(System.getenv("HEADROOM_OCR_REQUIRED"))) {
            throw new AssertionError("HEADROOM_OCR_REQUIRED=1 but Tesseract is missing: " + ocr.status().detail());
        }
        Assumptions.assumeTrue(ocr.available(), "tesseract-ocr is not installed");
    }

    @Test
    void aPrintedDocumentIsReadWordForWordWithHighConfidence() {
        OcrText text = ocr.recognize(TestImages.png(drawLines(DOCUMENT, 28, Color.WHITE, Color.BLACK)), null).orElseThrow();
        double accuracy = OcrAccuracy.wordAccuracy(String.join(" ", DOCUMENT), text.text());
        assertTrue(accuracy >= 0.95, "word accuracy " + accuracy + ": " + text.text());
        assertTrue(text.meanConfidence() >= TranscodeGate.DEFAULT_MIN_CONFIDENCE, "confidence " + text.meanConfidence());
        assertEquals(4, text.text().lines().filter(line -> !line.isBlank()).count(), "one line per printed line: " + text.text());
    }

    @Test
    void theGateSendsConfidentTextAndKeepsAnImageWithoutText() {
        TranscodeGate gate = new TranscodeGate(ocr, TranscodeGate.DEFAULT_MIN_CONFIDENCE);
        assertTrue(gate.confidentText(TestImages.png(drawLines(DOCUMENT, 28, Color.WHITE, Color.BLACK)), null).isPresent());
        assertEquals(Optional.empty(), gate.confidentText(TestImages.png(noise(600, 300)), null));
    }

    @Test
    void theConfidenceThresholdDecides() {
        BufferedImage faint = drawLines(List.of("faint grey text on a grey ground"), 11,
                new Color(150, 150, 150), new Color(120, 120, 120));
        OcrText text = ocr.recognize(TestImages.png(faint), null).orElse(OcrText.NOTHING);
        // whatever the engine reads here, a gate demanding more than it is sure of sends nothing
        TranscodeGate strict = new TranscodeGate(ocr, Math.min(100, text.meanConfidence() + 1));
        assertEquals(Optional.empty(), strict.confidentText(TestImages.png(faint), null));
    }

    @Test
    void aTimeoutGivesNothingAndTheCallerKeepsTheImage() {
        TesseractOcr hurried = new TesseractOcr(ocr.status(), OcrEngineStatus.ENGINE, "eng", Duration.ofMillis(1),
                TesseractOcr.DEFAULT_MAX_OUTPUT_BYTES);
        assertEquals(Optional.empty(), hurried.recognize(TestImages.png(drawLines(DOCUMENT, 28, Color.WHITE, Color.BLACK)), null));
    }

    @Test
    void theCallersBudgetBoundsTheEngineWhenShorterThanItsTimeout() {
        byte[] page = TestImages.png(drawLines(DOCUMENT, 28, Color.WHITE, Color.BLACK));
        // the engine's own timeout (15 s) would let it finish; 100 ms cannot even load its model and read a page
        assertEquals(Optional.empty(), ocr.recognize(page, Duration.ofMillis(100)));
        assertEquals(Optional.empty(), ocr.recognize(page, Duration.ZERO), "no time left: not started");
        assertTrue(ocr.recognize(page, Duration.ofSeconds(15)).isPresent());
    }

    @Test
    void whenEveryEngineProcessIsBusyForTheWholeBudgetTheImageIsKept() throws InterruptedException {
        byte[] page = TestImages.png(drawLines(DOCUMENT, 28, Color.WHITE, Color.BLACK));
        int permits = TesseractOcr.PROCESSES.availablePermits();
        TesseractOcr.PROCESSES.acquire(permits); // as if every core were reading another request's image
        try {
            assertEquals(Optional.empty(), ocr.recognize(page, Duration.ofMillis(300)));
        } finally {
            TesseractOcr.PROCESSES.release(permits);
        }
        assertTrue(ocr.recognize(page, Duration.ofSeconds(15)).isPresent(), "a free process reads it");
    }

    @Test
    void theEngineReadsTheBytesAsSentInEveryProviderFormat() throws IOException {
        BufferedImage page = drawLines(DOCUMENT, 28, Color.WHITE, Color.BLACK);
        for (String format : List.of("png", "jpeg", "gif")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertTrue(ImageIO.write(page, format, out), format);
            OcrText text = ocr.recognize(out.toByteArray(), null).orElseThrow(() -> new AssertionError(format));
            assertTrue(text.text().contains("copper wire"), format + ": " + text.text());
        }
        assertEquals(Optional.empty(), ocr.recognize("not an image".getBytes(), null), "unreadable bytes: nothing");
    }

    @Test
    void outputOverTheBoundGivesNothing() {
        TesseractOcr bounded = new TesseractOcr(ocr.status(), OcrEngineStatus.ENGINE, "eng", TesseractOcr.DEFAULT_TIMEOUT, 64);
        assertEquals(Optional.empty(), bounded.recognize(TestImages.png(drawLines(DOCUMENT, 28, Color.WHITE, Color.BLACK)), null));
    }

    @Test
    void aMissingEngineIsReportedAndNeverRun() {
        OcrEngineStatus missing = OcrEngineStatus.probe("/nonexistent/tesseract-" + new Random().nextInt(1000),
                Duration.ofSeconds(5));
        assertFalse(missing.available());
        assertFalse(new TesseractOcr(missing, "/nonexistent", "eng", Duration.ofSeconds(1), 1024)
                .recognize(TestImages.png(drawLines(DOCUMENT, 28, Color.WHITE, Color.BLACK)), null).isPresent());
        assertEquals(Boolean.FALSE, missing.healthFields().get("available"));
        assertTrue(ocr.status().version().matches("\\d+\\.\\d+.*"), ocr.status().version());
        assertEquals(Boolean.TRUE, ocr.status().healthFields().get("available"));
    }

    static BufferedImage drawLines(List<String> lines, int size, Color ground, Color ink) {
        BufferedImage image = new BufferedImage(900, 80 + lines.size() * size * 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(ground);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(ink);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), 40, 40 + size + i * size * 2);
        }
        g.dispose();
        return image;
    }

    private static BufferedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(90, 140, 60));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(110, 170, 80));
        g.fillOval(50, 50, 300, 180);
        g.dispose();
        return image;
    }
}
