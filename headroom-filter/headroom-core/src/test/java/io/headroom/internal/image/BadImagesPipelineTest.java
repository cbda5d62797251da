package io.headroom.internal.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.testimages.TestImages;
import io.headroom.testimages.BadImages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.ImageConfig;
import io.headroom.ImageTokenUsage;
import io.headroom.LlmRequests;
import io.headroom.RequestOutcome;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every bad-input image in one request through the whole engine ({@link Headroom#process}, {@code image.enabled}),
 * per provider shape: each goes on byte for byte as it came and is counted, while the good images and the JSON
 * tool output of the same request are still compressed and the request does not fail open.
 */
class BadImagesPipelineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HeadroomConfig ON = HeadroomConfig.builder()
            .limits(l -> l.compressionDeadlineMs(60_000)) // a loaded build machine must not turn decoding into a deadline pass
            .image(i -> i.enabled(true)).build();
    private static final String QUESTION = "Describe these images and the search results.";
    /** An OpenAI model whose images are resized (patch model): no {@code detail} shortcut hides an unread image. */
    private static final String OPENAI_PATCH_MODEL = "gpt-4.1-mini";

    /**
     * One image as sent: the declared MIME type (null: none) and the base64 payload exactly as written.
     *
     * @param header what the header says (null: nothing readable, or a format the label does not name)
     */
    record Sent(String name, String mime, String base64, ImageHeader header) {
        static Sent of(String name, String mime, byte[] bytes, boolean labelMatches) {
            ImageHeader h = labelMatches ? ImageHeader.read(bytes, ImageConfig.DEFAULT_MAX_PIXELS) : null;
            return new Sent(name, mime, Base64.getEncoder().encodeToString(bytes), h);
        }
    }

    /** Built once: drawing and encoding them is most of this test's time. */
    private static final List<Sent> BAD = buildBadImages();
    private static final List<Sent> GOOD = List.of(
            Sent.of("png 1024", "image/png", TestImages.encoded(1024, 1024, "png"), true),
            Sent.of("still webp", "image/webp", BadImages.webpStill(1024, 768), true));

    static List<Sent> badImages() {
        return BAD;
    }

    static List<Sent> goodImages() {
        return GOOD;
    }

    private static List<Sent> buildBadImages() {
        byte[] jpeg = TestImages.encoded(256, 256, "jpeg");
        List<Sent> bad = new ArrayList<>();
        bad.add(Sent.of("cmyk jpeg", "image/jpeg", BadImages.fourComponentJpeg(256, 256, false), true));
        bad.add(Sent.of("ycck jpeg", "image/jpeg", BadImages.fourComponentJpeg(256, 256, true), true));
        bad.add(Sent.of("animated webp", "image/webp", BadImages.webpAnimated(256, 256), true));
        bad.add(Sent.of("apng", "image/png", BadImages.apng(256, 256), true));
        bad.add(Sent.of("animated gif", "image/gif", BadImages.gif(3, 80, 60), true));
        bad.add(Sent.of("bomb", "image/png", BadImages.pngBomb(100_000, 100_000), true));
        bad.add(Sent.of("truncated jpeg", "image/jpeg", BadImages.truncatedJpeg(640, 480), true));
        bad.add(Sent.of("truncated png header", "image/png", BadImages.truncatedPngHeader(), true));
        bad.add(Sent.of("random bytes", "image/png", BadImages.randomBytes(2048), true));
        bad.add(Sent.of("jpeg labelled png", "image/png", jpeg, false));
        bad.add(Sent.of("bmp", "image/bmp", BadImages.unknownToProviders("bmp"), true));
        bad.add(Sent.of("tiff", "image/tiff", BadImages.unknownToProviders("tiff"), true));
        bad.add(Sent.of("empty", "image/png", new byte[0], true));
        bad.add(new Sent("invalid base64", "image/png", "!!! not base64 !!!" + Base64.getEncoder().encodeToString(jpeg), null));
        bad.add(Sent.of("no mime type", null, jpeg, false));
        return List.copyOf(bad);
    }


    private Headroom headroom;

    @AfterEach
    void close() {
        if (headroom != null) headroom.close();
    }

    private RequestOutcome process(Endpoint endpoint, ObjectNode body) {
        headroom = Headroom.builder(ON).build();
        return headroom.process(endpoint, body.toString().getBytes(), null);
    }

    // --- the three shapes: question and images in the newest user turn, then one tool round with a big JSON output ----

    private static String dataUrl(Sent s) {
        return "data:" + (s.mime() == null ? "" : s.mime()) + ";base64," + s.base64();
    }

    private static ObjectNode chat(String model, List<Sent> images) {
        ObjectNode root = JSON.createObjectNode().put("model", model);
        ArrayNode messages = root.putArray("messages");
        ArrayNode content = messages.addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "text").put("text", QUESTION);
        for (Sent s : images) {
            content.addObject().put("type", "image_url").putObject("image_url").put("url", dataUrl(s));
        }
        ObjectNode assistant = messages.addObject().put("role", "assistant");
        assistant.putNull("content");
        ObjectNode call = assistant.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function");
        call.putObject("function").put("name", "search_logs").put("arguments", "{}");
        messages.addObject().put("role", "tool").put("tool_call_id", "call_1").put("content", LlmRequests.logsText());
        return root;
    }

    private static ObjectNode responses(String model, List<Sent> images) {
        ObjectNode root = JSON.createObjectNode().put("model", model);
        ArrayNode input = root.putArray("input");
        ArrayNode content = input.addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "input_text").put("text", QUESTION);
        for (Sent s : images) {
            content.addObject().put("type", "input_image").put("image_url", dataUrl(s));
        }
        input.addObject().put("type", "function_call").put("call_id", "call_1").put("name", "search_logs")
                .put("arguments", "{}");
        input.addObject().put("type", "function_call_output").put("call_id", "call_1").put("output", LlmRequests.logsText());
        return root;
    }

    private static ObjectNode anthropic(List<Sent> images) {
        ObjectNode root = JSON.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 1024);
        ArrayNode messages = root.putArray("messages");
        ArrayNode content = messages.addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "text").put("text", QUESTION);
        for (Sent s : images) {
            ObjectNode source = content.addObject().put("type", "image").putObject("source").put("type", "base64");
            if (s.mime() != null) source.put("media_type", s.mime());
            source.put("data", s.base64());
        }
        ObjectNode use = messages.addObject().put("role", "assistant").putArray("content").addObject()
                .put("type", "tool_use").put("id", "toolu_1").put("name", "search_logs");
        use.putObject("input");
        messages.addObject().put("role", "user").putArray("content").addObject().put("type", "tool_result")
                .put("tool_use_id", "toolu_1").put("content", LlmRequests.logsText());
        return root;
    }

    // --- the checks ---------------------------------------------------------------------------------------------

    private static List<Sent> all() {
        List<Sent> all = new ArrayList<>(badImages());
        all.addAll(goodImages());
        return all;
    }

    /** What {@code images} cost: by the header's size where it reads and the label is right, else the default. */
    private static long tokens(List<Sent> images, ImageProvider provider, String model, String detail) {
        return images.stream().mapToLong(s -> s.header() == null
                ? ImageTokens.countUnknown(provider, model, detail)
                : ImageTokens.count(provider, model, s.header().width(), s.header().height(), detail)).sum();
    }

    private static Map<String, ImageTokenUsage> byTechnique(RequestOutcome outcome) {
        return outcome.images().stream().collect(Collectors.toMap(ImageTokenUsage::technique, u -> u, (a, b) -> a, TreeMap::new));
    }

    private static void assertCountedAndOthersCompressed(RequestOutcome outcome, ImageProvider provider, String model) {
        assertFalse(outcome.failedOpen(), "no image fails the request");
        Map<String, ImageTokenUsage> usage = byTechnique(outcome);
        assertEquals(List.of("full_low", "unread"), List.copyOf(usage.keySet()), outcome.images().toString());
        long unread = tokens(badImages(), provider, model, null);
        assertEquals(new ImageTokenUsage("unread", badImages().size(), unread, unread), usage.get("unread"));
        assertEquals(goodImages().size(), usage.get("full_low").images());
        assertTrue(usage.get("full_low").tokensAfter() < usage.get("full_low").tokensBefore());
        assertTrue(outcome.transformsApplied().stream().anyMatch(t -> t.startsWith("router:")),
                "the tool output is compressed too: " + outcome.transformsApplied());
    }

    /** Compared whole, reported by name: a failure must not print megabytes of base64. */
    private static void assertUntouched(JsonNode asSent, JsonNode forwarded, Sent image) {
        assertTrue(asSent.equals(forwarded), image.name() + " went on as it came");
    }

    private static int decodedWidth(String base64) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        return image.getWidth();
    }

    private static String payload(String dataUrl) {
        return dataUrl.substring(dataUrl.indexOf(',') + 1);
    }

    @Test
    void anthropicBase64Sources() throws IOException {
        ObjectNode body = anthropic(all());
        RequestOutcome outcome = process(Endpoint.ANTHROPIC_MESSAGES, body);

        JsonNode sent = JSON.readTree(outcome.body()).at("/messages/0/content");
        List<Sent> bad = badImages();
        for (int i = 1; i <= bad.size(); i++) {
            assertUntouched(body.at("/messages/0/content/" + i), sent.get(i), bad.get(i - 1));
        }
        int good = bad.size() + 1;
        assertEquals(512, decodedWidth(sent.at("/" + good + "/source/data").asText()), "the good PNG is resized");
        assertEquals(512, decodedWidth(sent.at("/" + (good + 1) + "/source/data").asText()), "the still WebP is resized");
        assertEquals("image/jpeg", sent.at("/" + (good + 1) + "/source/media_type").asText(), "WebP goes out as JPEG");
        assertCountedAndOthersCompressed(outcome, ImageProvider.ANTHROPIC, "claude-sonnet-4-5");
    }

    @Test
    void openAiChatDataUrls() throws IOException {
        ObjectNode body = chat(OPENAI_PATCH_MODEL, all());
        RequestOutcome outcome = process(Endpoint.OPENAI_CHAT, body);

        JsonNode sent = JSON.readTree(outcome.body()).at("/messages/0/content");
        List<Sent> bad = badImages();
        for (int i = 1; i <= bad.size(); i++) {
            assertUntouched(body.at("/messages/0/content/" + i), sent.get(i), bad.get(i - 1));
        }
        int good = bad.size() + 1;
        assertEquals(512, decodedWidth(payload(sent.at("/" + good + "/image_url/url").asText())));
        assertEquals(512, decodedWidth(payload(sent.at("/" + (good + 1) + "/image_url/url").asText())));
        assertCountedAndOthersCompressed(outcome, ImageProvider.OPENAI, OPENAI_PATCH_MODEL);
    }

    @Test
    void responsesInputImages() throws IOException {
        ObjectNode body = responses(OPENAI_PATCH_MODEL, all());
        RequestOutcome outcome = process(Endpoint.OPENAI_RESPONSES, body);

        JsonNode sent = JSON.readTree(outcome.body()).at("/input/0/content");
        List<Sent> bad = badImages();
        for (int i = 1; i <= bad.size(); i++) {
            assertUntouched(body.at("/input/0/content/" + i), sent.get(i), bad.get(i - 1));
        }
        int good = bad.size() + 1;
        assertEquals(512, decodedWidth(payload(sent.at("/" + good + "/image_url").asText())));
        assertCountedAndOthersCompressed(outcome, ImageProvider.OPENAI, OPENAI_PATCH_MODEL);
    }

    /**
     * A tile model: {@code detail: "low"} needs no pixels, so every image gets it, bad ones included (the provider
     * reads the payload, not Headroom); the payloads themselves stay byte for byte as sent.
     */
    @Test
    void openAiTileModelsLowerTheDetailButNeverTouchABadPayload() throws IOException {
        ObjectNode body = chat("gpt-4o", all());
        RequestOutcome outcome = process(Endpoint.OPENAI_CHAT, body);

        JsonNode sent = JSON.readTree(outcome.body()).at("/messages/0/content");
        List<Sent> bad = badImages();
        for (int i = 1; i <= bad.size(); i++) {
            assertUntouched(body.at("/messages/0/content/" + i + "/image_url/url"), sent.at("/" + i + "/image_url/url"),
                    bad.get(i - 1));
            assertEquals("low", sent.at("/" + i + "/image_url/detail").asText(), bad.get(i - 1).name());
        }
        assertFalse(outcome.failedOpen());
        int images = bad.size() + goodImages().size();
        assertEquals(List.of(new ImageTokenUsage("full_low", images, tokens(all(), ImageProvider.OPENAI, "gpt-4o", null),
                tokens(all(), ImageProvider.OPENAI, "gpt-4o", "low"))), outcome.images());
    }
}
