package io.headroom.internal.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.testimages.TestImages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.ImageConfig;
import io.headroom.internal.limits.Deadline;
import io.headroom.internal.tokens.TokenCounter;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Context fitting's image cost is the image stage's count: the same number per message for readable images, URLs,
 * wrong MIME types and broken payloads, per provider, and the stage's counts taken over as they are after it.
 */
class ImageCostTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_PIXELS = ImageConfig.DEFAULT_MAX_PIXELS;

    /** The counting stage as the pipeline runs it with {@code image.enabled=false}. */
    private static ImageRun stage(Endpoint endpoint, ObjectNode root, String model) {
        ImageCompressor counting = new ImageCompressor(ImageConfig.defaults(), ImageAnalysis.COUNT_ONLY, null,
                Clock.systemUTC());
        return counting.run(endpoint, root, model, null, false, "", new TokenCounter().forModel(model), Deadline.NONE);
    }

    private static int perMessageSum(Endpoint endpoint, ObjectNode root, String model, ImageCost cost) {
        int sum = 0;
        for (JsonNode m : root.get(endpoint == Endpoint.OPENAI_RESPONSES ? "input" : "messages")) sum += cost.tokens(m);
        return sum;
    }

    /** gpt-4o tiles, Gemini tiles and Claude through OpenAI-compatible endpoints: the model decides the provider. */
    @ParameterizedTest
    @ValueSource(strings = {"gpt-4o", "gpt-4o-mini", "gemini-2.5-flash", "claude-sonnet-4-5"})
    void chatImagesCostWhatTheImageStageCounts(String model) {
        ObjectNode root = JSON.createObjectNode().put("model", model);
        ArrayNode messages = root.putArray("messages");
        ArrayNode parts = messages.addObject().put("role", "user").putArray("content");
        parts.addObject().put("type", "text").put("text", "Compare these.");
        parts.addObject().put("type", "image_url").putObject("image_url")
                .put("url", TestImages.dataUrl("image/png", TestImages.encoded(1600, 900, "png")));
        parts.addObject().put("type", "image_url").putObject("image_url")
                .put("url", TestImages.dataUrl("image/jpeg", TestImages.encoded(640, 480, "jpeg"))).put("detail", "low");
        parts.addObject().put("type", "image_url").put("image_url", "https://example.com/chart.png");
        // a PNG labelled JPEG and a payload that is not base64: the stage leaves both alone and counts them unknown
        parts.addObject().put("type", "image_url").putObject("image_url")
                .put("url", TestImages.dataUrl("image/jpeg", TestImages.encoded(300, 200, "png")));
        parts.addObject().put("type", "image_url").putObject("image_url").put("url", "data:image/png;base64,%%%");
        messages.addObject().put("role", "assistant").put("content", "They differ.");

        ImageCost cost = ImageCost.of(Endpoint.OPENAI_CHAT, model, MAX_PIXELS);
        assertEquals(stage(Endpoint.OPENAI_CHAT, root, model).tokensBefore(),
                perMessageSum(Endpoint.OPENAI_CHAT, root, model, cost));
        ImageProvider provider = ImageProvider.of(Endpoint.OPENAI_CHAT, model);
        assertEquals(ImageTokens.count(provider, model, 1600, 900, null)
                        + ImageTokens.count(provider, model, 640, 480, "low")
                        + 3 * ImageTokens.countUnknown(provider, model, null),
                cost.tokens(messages.get(0)));
        assertEquals(0, cost.tokens(messages.get(1)));
    }

    @Test
    void responsesInputImagesAndAnthropicToolResultScreenshotsAreCounted() {
        ObjectNode responses = JSON.createObjectNode().put("model", "gpt-4.1");
        ArrayNode content = responses.putArray("input").addObject().put("type", "message").put("role", "user")
                .putArray("content");
        content.addObject().put("type", "input_text").put("text", "What is this?");
        content.addObject().put("type", "input_image")
                .put("image_url", TestImages.dataUrl("image/png", TestImages.encoded(1024, 1024, "png")));
        assertEquals(765, ImageCost.of(Endpoint.OPENAI_RESPONSES, "gpt-4.1", MAX_PIXELS)
                .tokens(responses.get("input").get(0)));

        ObjectNode anthropic = JSON.createObjectNode().put("model", "claude-sonnet-4-5");
        ObjectNode result = anthropic.putArray("messages").addObject().put("role", "user").putArray("content")
                .addObject().put("type", "tool_result").put("tool_use_id", "tu_1");
        result.putArray("content").addObject().put("type", "image").putObject("source").put("type", "base64")
                .put("media_type", "image/png").put("data", TestImages.base64(TestImages.encoded(1280, 800, "png")));
        assertEquals(1366, ImageCost.of(Endpoint.ANTHROPIC_MESSAGES, "claude-sonnet-4-5", MAX_PIXELS)
                .tokens(anthropic.get("messages").get(0)));
    }

    /** After the stage set {@code detail: low}, an image costs what the stage says it now costs. */
    @Test
    void theImageStagesCountsAreTakenAsTheImageIsSent() {
        ObjectNode root = JSON.createObjectNode().put("model", "claude-sonnet-4-5");
        ArrayNode parts = root.putArray("messages").addObject().put("role", "user").putArray("content");
        parts.addObject().put("type", "text").put("text", "Describe it.");
        ObjectNode image = parts.addObject().put("type", "image");
        image.putObject("source").put("type", "base64").put("media_type", "image/png")
                .put("data", TestImages.base64(TestImages.encoded(1024, 1024, "png")));
        ImageRun run = new ImageRun(new ImageTally(), List.of(
                new ImageRun.ImageResult(image, 0, 1, "full_low", 1399, 350, true, "image:full_low:0.25", null)),
                List.of(), List.of(), true);

        JsonNode message = root.get("messages").get(0);
        assertEquals(1399, ImageCost.of(Endpoint.ANTHROPIC_MESSAGES, "claude-sonnet-4-5", MAX_PIXELS).tokens(message));
        assertEquals(350, ImageCost.of(Endpoint.ANTHROPIC_MESSAGES, "claude-sonnet-4-5", MAX_PIXELS).knowing(run)
                .tokens(message));
    }
}
