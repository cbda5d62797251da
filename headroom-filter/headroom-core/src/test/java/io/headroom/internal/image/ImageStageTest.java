package io.headroom.internal.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.testimages.TestImages;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CcrStore;
import io.headroom.Endpoint;
import io.headroom.HeadroomConfig;
import io.headroom.ImageTokenUsage;
import io.headroom.internal.ccr.EhcacheCcrStore;
import io.headroom.internal.pipeline.Pipeline;
import io.headroom.internal.pipeline.PipelineResult;
import io.headroom.internal.tokens.TokenCounter;
import io.headroom.internal.limits.Deadline;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The image stage inside the pipeline: Responses and tool-result shapes, and the transcriber hook. */
class ImageStageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HeadroomConfig config = HeadroomConfig.builder().image(i -> i.enabled(true)).build();
    private final CcrStore ccr = new EhcacheCcrStore(config.ccr().ttl(), config.ccr().maxEntries());

    @AfterEach
    void close() {
        ccr.close();
    }

    private Pipeline pipeline(ImageTranscriber transcriber) {
        return new Pipeline(config, new TokenCounter(), ccr, (content, context) -> null, Clock.systemUTC(),
                new ImageAnalysis(ImageStageTest::routeByQuestion, ImageRegionFinder.WHOLE, transcriber));
    }

    /** A stand-in for the trained router (tested on its own): a general question, or a reading one. */
    private static ImageRoute routeByQuestion(String question) {
        return question.startsWith("Transcribe")
                ? new ImageRoute(ImageTechnique.TRANSCODE, ImageRegion.WHOLE, 1)
                : new ImageRoute(ImageTechnique.FULL_LOW, ImageRegion.WHOLE, 1);
    }

    @Test
    void responsesInputImagesGetLowDetail() {
        ObjectNode root = JSON.createObjectNode().put("model", "gpt-4.1");
        ArrayNode content = root.putArray("input").addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "input_text").put("text", "Describe the picture.");
        content.addObject().put("type", "input_image")
                .put("image_url", TestImages.dataUrl("image/jpeg", TestImages.encoded(1024, 1024, "jpeg")));
        PipelineResult r = pipeline(ImageTranscriber.NONE).run(Endpoint.OPENAI_RESPONSES, root, true);
        assertEquals("low", root.at("/input/0/content/1/detail").asText());
        assertEquals(List.of(new ImageTokenUsage("full_low", 1, 765, 85)), r.images().tally().usage());
    }

    @Test
    void aComputerUseScreenshotInAToolResultIsFoundAndCounted() {
        ObjectNode root = JSON.createObjectNode().put("model", "claude-sonnet-4-5");
        ArrayNode messages = root.putArray("messages");
        messages.addObject().put("role", "user").put("content", "Open the settings page and tell me what you see.");
        ObjectNode call = messages.addObject().put("role", "assistant").putArray("content").addObject();
        call.put("type", "tool_use").put("id", "tu_1").put("name", "computer").putObject("input").put("action", "screenshot");
        ObjectNode result = messages.addObject().put("role", "user").putArray("content").addObject()
                .put("type", "tool_result").put("tool_use_id", "tu_1");
        ObjectNode image = result.putArray("content").addObject().put("type", "image");
        image.putObject("source").put("type", "base64").put("media_type", "image/png")
                .put("data", TestImages.base64(TestImages.encoded(1280, 800, "png")));

        PipelineResult r = pipeline(ImageTranscriber.NONE).run(Endpoint.ANTHROPIC_MESSAGES, root, true);
        ImageTokenUsage u = r.images().tally().usage().get(0);
        assertEquals("full_low", u.technique(), "the screenshot answers the newest question: a general one");
        assertEquals(1366, u.tokensBefore()); // 1280 x 800 / 750
        assertEquals(ImageTokens.count(ImageProvider.ANTHROPIC, null, 512, 320, null), (int) u.tokensAfter());
    }

    @Test
    void transcodeSendsConfidentTextInsteadOfThePixelsAndKeepsThePixelsOtherwise() {
        ImageTranscriber confident = (image, budget) -> new ImageTranscriber.Transcript("Invoice 2026-0042 total 1,337.00 EUR", 0.93);
        ImageTranscriber unsure = (image, budget) -> null; // read nothing it trusts enough

        ObjectNode read = transcribeRequest();
        PipelineResult r = pipeline(confident).run(Endpoint.OPENAI_CHAT, read, true, OptionalInt.empty());
        ObjectNode part = (ObjectNode) read.at("/messages/0/content/1");
        assertEquals("text", part.path("type").asText());
        assertTrue(part.path("text").asText().endsWith("Invoice 2026-0042 total 1,337.00 EUR"));
        assertEquals("transcode", r.images().tally().usage().get(0).technique());
        assertEquals(1, r.ccrHashes().size(), "the pixels are kept in CCR");
        assertFalse(r.markersSent());

        ObjectNode kept = transcribeRequest();
        String before = kept.toString();
        PipelineResult k = pipeline(unsure).run(Endpoint.OPENAI_CHAT, kept, true, OptionalInt.empty());
        assertEquals(before, kept.toString());
        assertEquals("preserve", k.images().tally().usage().get(0).technique());
    }

    @Test
    void ocrIsGivenHalfTheTimeLeftBeforeTheDeadlineAndNoLimitWithoutOne() {
        List<Duration> budgets = new ArrayList<>();
        ImageTranscriber recording = (image, budget) -> {
            budgets.add(budget);
            return null;
        };
        // a clock that stands still: 2,000 ms are left when the image stage asks
        pipeline(recording).run(Endpoint.OPENAI_CHAT, transcribeRequest(), true, OptionalInt.empty(), "",
                Deadline.after(2_000, () -> 0L));
        pipeline(recording).run(Endpoint.OPENAI_CHAT, transcribeRequest(), true, OptionalInt.empty(), "",
                Deadline.NONE);
        assertEquals(Arrays.asList(Duration.ofMillis(1_000), null), budgets);
    }

    private static ObjectNode transcribeRequest() {
        ObjectNode root = JSON.createObjectNode().put("model", "gpt-4o");
        ArrayNode content = root.putArray("messages").addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "text").put("text", "Transcribe the document.");
        content.addObject().put("type", "image_url").putObject("image_url")
                .put("url", TestImages.dataUrl("image/png", TestImages.encoded(1024, 1024, "png")));
        return root;
    }
}
