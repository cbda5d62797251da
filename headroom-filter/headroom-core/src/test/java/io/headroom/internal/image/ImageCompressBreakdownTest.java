package io.headroom.internal.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.testimages.TestImages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CompressResult;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.ImageOutcome;
import io.headroom.SimulationPlan;
import io.headroom.host.OcrEngineStatus;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/compress} (optimize, audit, simulate) names what happened to each image: where it is, the technique,
 * its tokens, whether text replaced it and the CCR key of its stored original.
 */
class ImageCompressBreakdownTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HeadroomConfig ON = HeadroomConfig.builder()
            .limits(l -> l.compressionDeadlineMs(60_000)).image(i -> i.enabled(true)).build();

    private final String earlier = TestImages.base64(TestImages.encoded(1024, 1024, "jpg"));
    private final String newest = TestImages.base64(TestImages.encoded(1024, 1024, "png"));
    private Headroom headroom;

    @AfterEach
    void close() {
        if (headroom != null) headroom.close();
    }

    /** Anthropic shape: an image in an earlier turn, then a general question about a new 1024² screenshot. */
    private ObjectNode twoTurns() {
        ObjectNode request = JSON.createObjectNode().put("model", "claude-sonnet-4-5");
        ArrayNode messages = request.putArray("messages");
        ArrayNode first = messages.addObject().put("role", "user").putArray("content");
        first.addObject().put("type", "text").put("text", "Here is last week's dashboard.");
        first.add(image("image/jpeg", earlier));
        messages.addObject().put("role", "assistant").put("content", "Noted: the dashboard is all green.");
        ArrayNode second = messages.addObject().put("role", "user").putArray("content");
        second.add(image("image/png", newest));
        second.addObject().put("type", "text").put("text", "What is in this picture?");
        return request;
    }

    private static ObjectNode image(String mime, String base64) {
        ObjectNode block = JSON.createObjectNode().put("type", "image");
        block.putObject("source").put("type", "base64").put("media_type", mime).put("data", base64);
        return block;
    }

    private Headroom headroom() {
        headroom = Headroom.builder(ON).build();
        return headroom;
    }

    @Test
    void optimizeNamesEachImageAndTheKeyOfItsStoredOriginal() {
        Headroom h = headroom();
        CompressResult r = h.compress(twoTurns());

        assertEquals(2, r.images().size(), r.images().toString());
        ImageOutcome first = r.images().get(0);
        assertEquals(0, first.messageIndex());
        assertEquals(1, first.partIndex());
        assertEquals("full_low", first.technique(), "earlier turns may go lower");
        assertEquals(1399, first.tokensBefore());
        assertEquals(197, first.tokensAfter(), "384 x 384: ceil(147456 / 750)");
        assertFalse(first.replacedByText());
        ImageOutcome second = r.images().get(1);
        assertEquals(2, second.messageIndex());
        assertEquals(0, second.partIndex());
        assertEquals("full_low", second.technique());
        assertEquals(1399, second.tokensBefore());
        assertEquals(350, second.tokensAfter(), "512 x 512: Anthropic's low resolution");
        assertFalse(second.replacedByText());
        assertEquals(1399 * 2, r.imageTokensBefore());
        assertEquals(197 + 350, r.imageTokensAfter());

        assertNotNull(first.ccrHash());
        assertNotNull(second.ccrHash());
        assertNotEquals(first.ccrHash(), second.ccrHash());
        assertTrue(r.ccrHashes().containsAll(List.of(first.ccrHash(), second.ccrHash())), r.ccrHashes().toString());
        assertEquals(earlier, h.retrieve(first.ccrHash(), null).originalContent(), "byte-identical");
        assertEquals(newest, h.retrieve(second.ccrHash(), null).originalContent(), "byte-identical");
    }

    @Test
    void simulateAndAuditShowTheSameImagesWithNothingStored() {
        Headroom h = headroom();
        List<ImageOutcome> optimized = h.compress(twoTurns()).images();
        close();

        Headroom fresh = headroom();
        SimulationPlan plan = fresh.simulate(withMode(twoTurns(), "simulate"));
        CompressResult audit = fresh.compress(withMode(twoTurns(), "audit"));

        List<ImageOutcome> expected = optimized.stream().map(ImageCompressBreakdownTest::withoutHash).toList();
        assertEquals(expected, plan.images());
        assertEquals(expected, audit.images());
        assertEquals(0, fresh.stats().ccrStored(), "nothing reached CCR");

        JsonNode json = plan.toJson();
        assertEquals(2, json.path("images").size());
        assertEquals("full_low", json.at("/images/1/technique").asText());
        assertEquals(2, json.at("/images/1/message_index").asInt());
        assertEquals(350, json.at("/images/1/tokens_after").asInt());
        assertFalse(json.at("/images/1/replaced_by_text").asBoolean(true));
        assertFalse(json.path("images").get(1).has("ccr_hash"), "no hash without a stored original");
        assertEquals(1399 * 2, json.path("image_tokens_before").asInt());
        assertEquals(197 + 350, json.path("image_tokens_after").asInt());
    }

    @Test
    void openAisLowDetailKeepsTheBytesSoNoKeyIsNamed() {
        ObjectNode request = JSON.createObjectNode().put("model", "gpt-4o");
        ArrayNode content = request.putArray("messages").addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "text").put("text", "What is in this picture?");
        content.addObject().put("type", "image_url").putObject("image_url")
                .put("url", "data:image/png;base64," + newest);

        CompressResult r = headroom().compress(request);

        assertEquals(List.of(new ImageOutcome(0, 1, "full_low", 765, 85, false, null, false)), r.images());
        assertEquals("low", r.messages().at("/0/content/1/image_url/detail").asText());
    }

    @Test
    void aTranscodedImageIsReplacedByTextAndItsPixelsAreKept() {
        OcrEngineStatus ocr = OcrEngineStatus.detect();
        if (!ocr.available() && "1".equals(System.getenv("HEADROOM_OCR_REQUIRED"))) {
            throw new AssertionError("HEADROOM_OCR_REQUIRED=1 but Tesseract is missing: " + ocr.detail());
        }
        Assumptions.assumeTrue(ocr.available(), "tesseract-ocr is not installed");
        String document = TestImages.base64(TestImages.printedDocument(List.of("INVOICE 2048 issued on March 14",
                "Deliver twelve boxes of copper wire", "Total amount due 1375 dollars")));
        ObjectNode request = JSON.createObjectNode().put("model", "gpt-4o");
        ArrayNode content = request.putArray("messages").addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "text").put("text", "Please transcribe the text in this document.");
        content.addObject().put("type", "image_url").putObject("image_url")
                .put("url", "data:image/png;base64," + document);

        Headroom h = headroom();
        CompressResult r = h.compress(request);

        ImageOutcome image = r.images().get(0);
        assertEquals("transcode", image.technique());
        assertTrue(image.replacedByText());
        assertTrue(image.tokensAfter() < image.tokensBefore(), image.toString());
        assertEquals("text", r.messages().at("/0/content/1/type").asText());
        assertEquals(document, h.retrieve(image.ccrHash(), null).originalContent(), "the pixels, byte for byte");
    }

    @Test
    void aRequestWithoutImagesHasAnEmptyList() {
        ObjectNode request = JSON.createObjectNode().put("model", "gpt-4o");
        request.putArray("messages").addObject().put("role", "user").put("content", "Hello there.");

        CompressResult r = headroom().compress(request);
        SimulationPlan plan = headroom.simulate(request);

        assertEquals(List.of(), r.images());
        assertEquals(0, r.imageTokensBefore());
        assertEquals(List.of(), plan.images());
        assertEquals(0, plan.toJson().path("images").size());
        assertEquals(0, plan.toJson().path("image_tokens_after").asInt(-1));
    }

    private static ObjectNode withMode(ObjectNode request, String mode) {
        request.putObject("config").put("default_mode", mode);
        return request;
    }

    private static ImageOutcome withoutHash(ImageOutcome o) {
        return new ImageOutcome(o.messageIndex(), o.partIndex(), o.technique(), o.tokensBefore(), o.tokensAfter(),
                o.replacedByText(), null, o.dropped());
    }
}
