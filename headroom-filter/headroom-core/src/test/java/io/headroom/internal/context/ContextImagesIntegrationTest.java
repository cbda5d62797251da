package io.headroom.internal.context;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CompressResult;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.ImageOutcome;
import io.headroom.internal.image.ImageProvider;
import io.headroom.internal.image.ImageTokens;
import io.headroom.internal.tokens.TokenCounter;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code /v1/compress} with {@code token_budget} on screenshot conversations, through the public facade. */
class ContextImagesIntegrationTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TokenCounter TOKENS = new TokenCounter();
    private static final int TURNS = 6;

    @ParameterizedTest
    @EnumSource(value = Endpoint.class, names = {"OPENAI_CHAT", "ANTHROPIC_MESSAGES"})
    void tokenBudgetCountsImagesAndDroppedScreenshotsAreRetrievable(Endpoint endpoint) throws Exception {
        ObjectNode conversation = ScreenshotTurns.conversation(endpoint, TURNS, true);
        String model = conversation.path("model").textValue();
        int perImage = ImageTokens.count(ImageProvider.of(endpoint, model), model, 1024, 1024, null);
        int images = ScreenshotTurns.images(conversation).size();
        int budget = textOnly(endpoint, conversation) + 3 * perImage + 100;
        ObjectNode request = request(conversation, endpoint, budget);

        try (Headroom h = Headroom.create(HeadroomConfig.defaults())) {
            CompressResult r = h.compress(request);

            assertTrue(r.tokensBefore() >= images * perImage, "tokens_before counts the images: " + r.tokensBefore());
            assertTrue(r.tokensAfter() <= budget, "tokens_after " + r.tokensAfter() + " > budget " + budget);
            ArrayNode out = (ArrayNode) r.messages();
            int kept = ScreenshotTurns.images(out).size();
            assertTrue(kept > 0 && kept < images, "screenshots kept: " + kept);
            assertTrue(r.tokensAfter() >= kept * perImage, "tokens_after counts the kept images");
            // the per-image list says which screenshots went with their dropped turns
            assertEquals(images, r.images().size());
            assertEquals(images - kept, r.images().stream().filter(ImageOutcome::dropped).count());
            assertTrue(r.images().stream().filter(ImageOutcome::dropped).allMatch(i -> i.tokensAfter() == 0));
            assertEquals(kept * perImage, r.imageTokensAfter());
            assertEquals(r.images().stream().map(ImageOutcome::dropped).toList(),
                    h.simulate(request).images().stream().map(ImageOutcome::dropped).toList(), "simulate agrees");
            assertTrue(r.transformsApplied().stream().anyMatch(t -> t.startsWith("intelligent_context:")),
                    r.transformsApplied()::toString);
            String last = MAPPER.writeValueAsString(conversation.path("messages").get(conversation.path("messages").size() - 1));
            assertEquals(last, MAPPER.writeValueAsString(out.get(out.size() - 1)), "the newest turn as sent");

            String hash = WireChecks.findNote(out).hash();
            assertTrue(r.ccrHashes().contains(hash));
            JsonNode archive = MAPPER.readTree(h.retrieve(hash, null).originalContent());
            JsonNode firstDropped = ScreenshotTurns.images(archive).get(0);
            String payload = endpoint == Endpoint.ANTHROPIC_MESSAGES
                    ? firstDropped.path("source").path("data").textValue()
                    : firstDropped.path("image_url").path("url").textValue().substring("data:image/png;base64,".length());
            assertArrayEquals(ScreenshotTurns.png(0), Base64.getDecoder().decode(payload),
                    "the oldest screenshot retrieved byte for byte");
        }
    }

    /**
     * The image stage runs first: with a question that needs no detail every screenshot goes out at
     * {@code detail: low} (85 tokens on gpt-4o instead of 765), and context fitting counts them so. The budget fits
     * the text and three low-detail screenshots: counted at their original price, not even the two protected turns'
     * screenshots would fit, and every droppable turn would go.
     */
    @Test
    void imagesAreCountedAsTheImageStageSendsThem() throws Exception {
        ObjectNode conversation = ScreenshotTurns.conversation(Endpoint.OPENAI_CHAT, TURNS, true);
        ArrayNode messages = (ArrayNode) conversation.get("messages");
        ((ObjectNode) messages.get(messages.size() - 1).get("content").get(0))
                .put("text", "Give me a quick general overview of this picture.");
        int low = ImageTokens.count(ImageProvider.OPENAI, "gpt-4o", 1024, 1024, "low");
        int budget = textOnly(Endpoint.OPENAI_CHAT, conversation) + 3 * low + 40;
        ObjectNode request = request(conversation, Endpoint.OPENAI_CHAT, budget);

        HeadroomConfig config = HeadroomConfig.builder().image(i -> i.enabled(true)).build();
        try (Headroom h = Headroom.create(config)) {
            CompressResult r = h.compress(request);

            assertEquals(TURNS, r.transformsApplied().stream().filter(t -> t.startsWith("image:full_low")).count(),
                    r.transformsApplied()::toString);
            assertTrue(r.tokensAfter() <= budget, "tokens_after " + r.tokensAfter() + " > budget " + budget);
            int kept = ScreenshotTurns.images(r.messages()).size();
            assertTrue(kept >= 3, "screenshots kept at their sent price: " + kept + ", " + r.transformsApplied());
            assertTrue(r.transformsApplied().stream().anyMatch(t -> t.startsWith("intelligent_context:")),
                    r.transformsApplied()::toString);
        }
    }

    private static ObjectNode request(ObjectNode conversation, Endpoint endpoint, int budget) {
        ObjectNode request = MAPPER.createObjectNode();
        request.set("messages", conversation.get("messages").deepCopy());
        if (endpoint == Endpoint.ANTHROPIC_MESSAGES) request.set("system", conversation.get("system"));
        request.put("model", conversation.path("model").textValue());
        request.put("token_budget", budget);
        return request;
    }

    private static int textOnly(Endpoint endpoint, ObjectNode root) {
        ObjectNode stripped = ScreenshotTurns.withoutImages(root);
        return Conversation.read(stripped, MessageShape.of(endpoint),
                TOKENS.forModel(stripped.path("model").textValue()), 2).totalTokens();
    }
}
