package io.headroom.internal.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.testimages.TestImages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.ImageTokenUsage;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import io.headroom.RetrieveResult;
import io.headroom.StatsSnapshot;
import io.headroom.host.HeadroomHeaders;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Requests with real images through the whole engine ({@link Headroom#process}), per provider. */
class ImageCompressionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A loaded build machine must not turn a decode into a deadline pass: the deadline is not what is tested here. */
    private static final long DEADLINE_MS = 60_000;
    private static final HeadroomConfig OFF = HeadroomConfig.builder()
            .limits(l -> l.compressionDeadlineMs(DEADLINE_MS)).build();
    private static final HeadroomConfig ON = OFF.toBuilder().image(i -> i.enabled(true)).build();

    private Headroom headroom;

    @AfterEach
    void close() {
        if (headroom != null) headroom.close();
    }

    private RequestOutcome process(HeadroomConfig config, Endpoint endpoint, ObjectNode body, Mode mode) {
        headroom = Headroom.builder(config).build();
        return headroom.process(endpoint, body.toString().getBytes(), mode);
    }

    // --- request shapes -------------------------------------------------------------------------------------

    private static ObjectNode openAiChat(String model, String question, String url, String detail) {
        ObjectNode root = JSON.createObjectNode().put("model", model);
        ObjectNode user = root.putArray("messages").addObject().put("role", "user");
        ArrayNode content = user.putArray("content");
        content.addObject().put("type", "text").put("text", question);
        ObjectNode imageUrl = content.addObject().put("type", "image_url").putObject("image_url").put("url", url);
        if (detail != null) imageUrl.put("detail", detail);
        return root;
    }

    private static ObjectNode anthropicImage(String mime, byte[] bytes) {
        ObjectNode block = JSON.createObjectNode().put("type", "image");
        block.putObject("source").put("type", "base64").put("media_type", mime).put("data", TestImages.base64(bytes));
        return block;
    }

    private static ObjectNode anthropic(ObjectNode... userTurns) {
        ObjectNode root = JSON.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 1024);
        ArrayNode messages = root.putArray("messages");
        for (int i = 0; i < userTurns.length; i++) {
            if (i > 0) messages.addObject().put("role", "assistant").put("content", "It shows an invoice.");
            messages.add(userTurns[i]);
        }
        return root;
    }

    private static ObjectNode userTurn(String question, ObjectNode... images) {
        ObjectNode user = JSON.createObjectNode().put("role", "user");
        ArrayNode content = user.putArray("content");
        for (ObjectNode image : images) content.add(image);
        content.addObject().put("type", "text").put("text", question);
        return user;
    }

    private static JsonNode forwarded(RequestOutcome outcome) throws IOException {
        return JSON.readTree(outcome.body());
    }

    private static BufferedImage decodeBase64(String base64) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    private static ImageTokenUsage only(RequestOutcome outcome) {
        assertEquals(1, outcome.images().size(), outcome.images().toString());
        return outcome.images().get(0);
    }

    // --- item 1: counted -----------------------------------------------------------------------------------

    @Test
    void imagesAreCountedInTheTokensEvenWithCompressionOff() {
        byte[] png = TestImages.encoded(1024, 1024, "png");
        ObjectNode body = openAiChat("gpt-4o", "What is in this picture?", TestImages.dataUrl("image/png", png), null);
        RequestOutcome withImage = process(OFF, Endpoint.OPENAI_CHAT, body, null);
        close();
        ObjectNode textOnly = body.deepCopy();
        ((ArrayNode) textOnly.at("/messages/0/content")).remove(1);
        RequestOutcome without = process(OFF, Endpoint.OPENAI_CHAT, textOnly, null);

        assertEquals(765, withImage.tokensBefore() - without.tokensBefore(), "OpenAI's 1024x1024 high-detail cost");
        assertEquals(new ImageTokenUsage("disabled", 1, 765, 765), only(withImage));
        assertFalse(withImage.bodyChanged());
    }

    @Test
    void aUrlIsCountedByTheDefaultSizeAndNeverFetched() {
        ObjectNode body = openAiChat("gpt-4o", "What is in this picture?", "http://127.0.0.1:9/never-fetched.png", null);
        RequestOutcome outcome = process(OFF, Endpoint.OPENAI_CHAT, body, null);
        assertEquals(new ImageTokenUsage("disabled", 1, 765, 765), only(outcome));
    }

    // --- item 2: compressed per provider -----------------------------------------------------------------------

    @Test
    void openAiGetsLowDetailAndTheHeadersSaySo() throws IOException {
        byte[] png = TestImages.encoded(1024, 1024, "png");
        String url = TestImages.dataUrl("image/png", png);
        RequestOutcome outcome = process(ON, Endpoint.OPENAI_CHAT,
                openAiChat("gpt-4o", "What is in this picture?", url, "auto"), null);

        JsonNode sent = forwarded(outcome).at("/messages/0/content/1/image_url");
        assertEquals("low", sent.path("detail").asText());
        assertEquals(url, sent.path("url").asText(), "the pixels are not touched: no original to keep");
        assertEquals(new ImageTokenUsage("full_low", 1, 765, 85), only(outcome));
        assertEquals(680, outcome.tokensSaved());
        assertTrue(outcome.compressed());
        assertTrue(outcome.transformsApplied().contains("image:full_low:0.11"), outcome.transformsApplied().toString());
        assertFalse(forwarded(outcome).has("tools"), "no marker names an image original: no retrieve tool");

        Map<String, String> headers = HeadroomHeaders.of(outcome);
        assertEquals("765", headers.get(HeadroomHeaders.IMAGE_TOKENS_BEFORE));
        assertEquals("85", headers.get(HeadroomHeaders.IMAGE_TOKENS_AFTER));
        assertEquals("full_low:1:765:85", headers.get(HeadroomHeaders.IMAGE_TECHNIQUES));
        StatsSnapshot stats = headroom.stats();
        assertEquals(List.of(new ImageTokenUsage("full_low", 1, 765, 85)), stats.images());
    }

    @Test
    void anthropicGetsASmallerCopyAndTheOriginalIsRetrievableByteForByte() throws IOException {
        byte[] png = TestImages.encoded(1024, 1024, "png");
        RequestOutcome outcome = process(ON, Endpoint.ANTHROPIC_MESSAGES,
                anthropic(userTurn("Describe this screenshot.", anthropicImage("image/png", png))), null);

        JsonNode source = forwarded(outcome).at("/messages/0/content/0/source");
        assertEquals("image/png", source.path("media_type").asText(), "format kept");
        BufferedImage sent = decodeBase64(source.path("data").asText());
        assertEquals(512, sent.getWidth());
        assertEquals(512, sent.getHeight());
        assertEquals(new ImageTokenUsage("full_low", 1, 1399, 350), only(outcome));

        assertEquals(1, outcome.ccrHashes().size());
        RetrieveResult back = headroom.retrieve(outcome.ccrHashes().get(0), null);
        assertArrayEquals(png, Base64.getDecoder().decode(back.originalContent()));
        assertFalse(forwarded(outcome).has("tools"));
    }

    @Test
    void theNewestQuestionKeepsItsPixelsWhileEarlierTurnsGoLower() throws IOException {
        byte[] earlier = TestImages.encoded(1024, 768, "jpeg");
        byte[] newest = TestImages.encoded(1024, 768, "jpeg");
        ObjectNode body = anthropic(userTurn("What is this?", anthropicImage("image/jpeg", earlier)),
                userTurn("Count the lines of text in this one exactly.", anthropicImage("image/jpeg", newest)));
        RequestOutcome outcome = process(ON, Endpoint.ANTHROPIC_MESSAGES, body, null);

        JsonNode sent = forwarded(outcome).path("messages");
        BufferedImage first = decodeBase64(sent.at("/0/content/0/source/data").asText());
        assertEquals(384, first.getWidth(), "an answered turn's image goes below the newest turn's low size");
        assertEquals(288, first.getHeight(), "aspect kept");
        assertEquals(TestImages.base64(newest), sent.at("/2/content/0/source/data").asText(),
                "the newest question needs the pixels: sent as they came");
        assertEquals(List.of("full_low", "preserve"), outcome.images().stream().map(ImageTokenUsage::technique).toList());
    }

    @Test
    void aRegionQuestionGetsTheRegionAtFullResolution() throws IOException {
        byte[] png = TestImages.encoded(1200, 800, "png");
        RequestOutcome outcome = process(ON, Endpoint.ANTHROPIC_MESSAGES,
                anthropic(userTurn("What is in the top-left corner?", anthropicImage("image/png", png))), null);
        BufferedImage sent = decodeBase64(forwarded(outcome).at("/messages/0/content/0/source/data").asText());
        assertEquals(600, sent.getWidth());
        assertEquals(400, sent.getHeight());
        assertEquals("crop", only(outcome).technique());
    }

    @Test
    void aLargeScreenshotsRegionGoesAtTheScaleTheProviderWouldHaveShownIt() throws IOException {
        // 3200 x 2000: Anthropic shows it at 0.424 (1568 px edge, then 1.15 MP), 1,532 tokens; its top-left quarter
        // at full size would be shrunk to the same 1,532 tokens, so only the region at that scale saves anything
        byte[] png = TestImages.encoded(3200, 2000, "png");
        RequestOutcome anthropic = process(ON, Endpoint.ANTHROPIC_MESSAGES,
                anthropic(userTurn("What is in the top-left corner?", anthropicImage("image/png", png))), null);
        BufferedImage sent = decodeBase64(forwarded(anthropic).at("/messages/0/content/0/source/data").asText());
        double scale = ImageTokens.viewScale(ImageProvider.ANTHROPIC, "claude-sonnet-4-5", 3200, 2000, null);
        assertEquals(Math.round(1600 * scale), sent.getWidth());
        assertEquals(Math.round(1000 * scale), sent.getHeight());
        ImageTokenUsage a = only(anthropic);
        assertEquals("crop", a.technique());
        assertEquals(1532, a.tokensBefore());
        assertEquals(ImageTokens.count(ImageProvider.ANTHROPIC, null, sent.getWidth(), sent.getHeight(), null),
                (int) a.tokensAfter());
        assertTrue(a.tokensAfter() * 3 < a.tokensBefore(), a.toString());

        // OpenAI gpt-4o: 2048 fit, short side 768 (0.384) -> 6 tiles (1,105); the region at that scale, 614 x 384,
        // is 2 tiles (at full size it would be shrunk back to 6)
        RequestOutcome openAi = process(ON, Endpoint.OPENAI_CHAT, openAiChat("gpt-4o",
                "What is in the top-left corner?", TestImages.dataUrl("image/png", png), null), null);
        String url = forwarded(openAi).at("/messages/0/content/1/image_url/url").asText();
        BufferedImage region = decodeBase64(url.substring(url.indexOf(',') + 1));
        assertEquals("614x384", region.getWidth() + "x" + region.getHeight());
        assertEquals(new ImageTokenUsage("crop", 1, 1105, 425), only(openAi));
    }

    @Test
    void geminiThroughOpenAiCompatibilityGetsOneTile() throws IOException {
        byte[] jpeg = TestImages.encoded(1536, 1536, "jpeg");
        RequestOutcome outcome = process(ON, Endpoint.OPENAI_CHAT,
                openAiChat("gemini-2.5-flash", "What is in this picture?", TestImages.dataUrl("image/jpeg", jpeg), null), null);
        String url = forwarded(outcome).at("/messages/0/content/1/image_url/url").asText();
        assertTrue(url.startsWith("data:image/jpeg;base64,"), "format kept");
        BufferedImage sent = decodeBase64(url.substring(url.indexOf(',') + 1));
        assertEquals(768, sent.getWidth());
        assertEquals(new ImageTokenUsage("full_low", 1, 1032, 258), only(outcome));
    }

    @Test
    void openAiPatchModelsGetASmallerCopyInstead() throws IOException {
        byte[] png = TestImages.encoded(1024, 1024, "png");
        RequestOutcome outcome = process(ON, Endpoint.OPENAI_CHAT,
                openAiChat("gpt-4.1-mini", "What is in this picture?", TestImages.dataUrl("image/png", png), null), null);
        JsonNode sent = forwarded(outcome).at("/messages/0/content/1/image_url");
        assertFalse(sent.has("detail"));
        String url = sent.path("url").asText();
        assertEquals(512, decodeBase64(url.substring(url.indexOf(',') + 1)).getWidth());
        assertEquals(new ImageTokenUsage("full_low", 1, 1659, 415), only(outcome));
    }

    @Test
    void auditMeasuresButForwardsTheSameBytesAndHeadersClaimNoImageSaving() {
        byte[] png = TestImages.encoded(1024, 1024, "png");
        byte[] body = anthropic(userTurn("Describe this screenshot.", anthropicImage("image/png", png))).toString().getBytes();
        headroom = Headroom.builder(ON).build();
        RequestOutcome outcome = headroom.process(Endpoint.ANTHROPIC_MESSAGES, body, Mode.AUDIT);
        assertArrayEquals(body, outcome.body());
        assertEquals(new ImageTokenUsage("full_low", 1, 1399, 350), only(outcome));
        Map<String, String> headers = HeadroomHeaders.of(outcome);
        assertEquals("1399", headers.get(HeadroomHeaders.IMAGE_TOKENS_AFTER));
        assertTrue(outcome.ccrHashes().isEmpty(), "audit stores nothing");
    }

    // --- bad input: that image alone goes on as it came ------------------------------------------------------------

    @Test
    void unreadableImagesGoOnUntouchedAndCountedWhileTheOthersAreCompressed() throws IOException {
        byte[] png = TestImages.encoded(1024, 1024, "png");
        ObjectNode user = userTurn("Describe these.",
                anthropicImage("image/jpeg", png),                                        // lies about its type
                anthropicImage("image/png", ImageHeaderTest.pngHeaderOnly(60_000, 60_000)), // a bomb
                anthropicImage("image/png", java.util.Arrays.copyOf(png, png.length / 2)),  // truncated
                anthropicImage("image/png", png));
        ((ObjectNode) user.at("/content/0/source")).put("data", "!!! not base64 !!!" + TestImages.base64(png));
        ObjectNode body = anthropic(user);
        RequestOutcome outcome = process(ON, Endpoint.ANTHROPIC_MESSAGES, body, null);
        // not base64: the default size; the bomb: its header's size (Anthropic's cap); truncated: its header's size
        long unread = 1399 + 1533 + 1399;

        assertFalse(outcome.failedOpen());
        JsonNode sent = forwarded(outcome).at("/messages/0/content");
        for (int i = 0; i < 3; i++) {
            assertEquals(body.at("/messages/0/content/" + i), sent.get(i), "image " + i + " untouched");
        }
        assertEquals(512, decodeBase64(sent.at("/3/source/data").asText()).getWidth());
        assertEquals(List.of(new ImageTokenUsage("full_low", 1, 1399, 350), new ImageTokenUsage("unread", 3, unread, unread)),
                outcome.images());
    }
}
