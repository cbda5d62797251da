package io.headroom.internal.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.testimages.TestImages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.RequestOutcome;
import io.headroom.host.OcrEngineStatus;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The engine's production image analysis through {@link Headroom#process}: the trained router, the busiest region
 * for crops the question does not place, and Tesseract behind {@code image.ocr.min-confidence}. The OCR cases
 * skip when Tesseract is not installed, unless {@code HEADROOM_OCR_REQUIRED=1}: then they fail.
 */
class ImageAnalysisInEngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HeadroomConfig ON = HeadroomConfig.builder()
            .limits(l -> l.compressionDeadlineMs(60_000)).image(i -> i.enabled(true)).build();
    private static final List<String> DOCUMENT = List.of(
            "INVOICE 2048 issued on March 14",
            "Deliver twelve boxes of copper wire",
            "Total amount due 1375 dollars",
            "Payment within thirty days please");

    private Headroom headroom;

    @AfterEach
    void close() {
        if (headroom != null) headroom.close();
    }

    @Test
    void aReadingQuestionGetsTheImagesTextWhenTesseractIsSure() throws IOException {
        requireOcr();
        RequestOutcome outcome = process(ON, "Please transcribe the text in this document.", TestImages.printedDocument(DOCUMENT));

        JsonNode part = JSON.readTree(outcome.body()).at("/messages/0/content/1");
        assertEquals("text", part.path("type").asText(), part.toString());
        String text = part.path("text").asText();
        for (String line : DOCUMENT) {
            assertTrue(text.contains(line), "read: " + text);
        }
        assertEquals("transcode", outcome.images().get(0).technique());
        assertTrue(outcome.images().get(0).tokensAfter() < outcome.images().get(0).tokensBefore());
        assertEquals(1, outcome.ccrHashes().size(), "the pixels are kept in CCR");
    }

    @Test
    void aThresholdAboveWhatTesseractIsSureOfKeepsThePixels() throws IOException {
        requireOcr();
        HeadroomConfig strict = ON.toBuilder().image(i -> i.ocrMinConfidence(100)).build();
        byte[] png = TestImages.printedDocument(DOCUMENT);
        RequestOutcome outcome = process(strict, "Please transcribe the text in this document.", png);

        JsonNode part = JSON.readTree(outcome.body()).at("/messages/0/content/1");
        assertEquals("image_url", part.path("type").asText());
        assertEquals(dataUrl(png), part.at("/image_url/url").asText());
        assertEquals("preserve", outcome.images().get(0).technique());
    }

    @Test
    void aTopLeftQuestionCropsToTheTopLeftQuarter() throws IOException {
        RequestOutcome outcome = processAnthropic("What is in the top-left corner?", TestImages.encoded(1600, 1200, "png"));

        // the 800 x 600 quarter at the scale Anthropic would have shown the whole (1.15 MP of 1.92)
        double scale = ImageTokens.viewScale(ImageProvider.ANTHROPIC, "claude-sonnet-4-5", 1600, 1200, null);
        BufferedImage sent = sentImage(outcome);
        assertEquals(Math.round(800 * scale), sent.getWidth());
        assertEquals(Math.round(600 * scale), sent.getHeight());
        assertEquals("crop", outcome.images().get(0).technique());
    }

    @Test
    void aZoomQuestionWithoutAPlaceCropsToWhereTheDetailIs() throws IOException {
        // flat grey but for a striped patch in the bottom-right quarter
        BufferedImage image = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, 1600, 1200);
        g.setColor(Color.BLACK);
        for (int x = 900; x < 1500; x += 8) {
            g.fillRect(x, 700, 3, 400);
        }
        g.dispose();

        RequestOutcome outcome = processAnthropic("Zoom in on the logo.", TestImages.png(image));

        BufferedImage sent = sentImage(outcome);
        assertEquals("crop", outcome.images().get(0).technique());
        assertTrue(sent.getWidth() <= 800 && sent.getHeight() <= 600, sent.getWidth() + "x" + sent.getHeight());
        assertTrue(darkPixels(sent) > 0, "the striped patch is what was kept (every other quarter is flat grey)");
    }

    private static int darkPixels(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xff) < 100) dark++;
            }
        }
        return dark;
    }

    private RequestOutcome process(HeadroomConfig config, String question, byte[] png) {
        ObjectNode root = JSON.createObjectNode().put("model", "gpt-4o");
        ArrayNode content = root.putArray("messages").addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "text").put("text", question);
        content.addObject().put("type", "image_url").putObject("image_url").put("url", dataUrl(png));
        headroom = Headroom.builder(config).build();
        return headroom.process(Endpoint.OPENAI_CHAT, root.toString().getBytes(), null);
    }

    /** Anthropic: a crop costs fewer tokens there (OpenAI's tiles may cost the same for a quarter). */
    private RequestOutcome processAnthropic(String question, byte[] png) {
        ObjectNode root = JSON.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 1024);
        ArrayNode content = root.putArray("messages").addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "image").putObject("source").put("type", "base64")
                .put("media_type", "image/png").put("data", TestImages.base64(png));
        content.addObject().put("type", "text").put("text", question);
        headroom = Headroom.builder(ON).build();
        return headroom.process(Endpoint.ANTHROPIC_MESSAGES, root.toString().getBytes(), null);
    }

    private static BufferedImage sentImage(RequestOutcome outcome) throws IOException {
        String data = JSON.readTree(outcome.body()).at("/messages/0/content/0/source/data").asText();
        byte[] bytes = Base64.getDecoder().decode(data);
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    private static void requireOcr() {
        OcrEngineStatus status = OcrEngineStatus.detect();
        if (!status.available() && "1".equals(System.getenv("HEADROOM_OCR_REQUIRED"))) {
            throw new AssertionError("HEADROOM_OCR_REQUIRED=1 but Tesseract is missing: " + status.detail());
        }
        Assumptions.assumeTrue(status.available(), "tesseract-ocr is not installed");
    }

    private static String dataUrl(byte[] png) {
        return TestImages.dataUrl("image/png", png);
    }
}
