package io.headroom.internal.context;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CcrStore;
import io.headroom.ContextStrategy;
import io.headroom.Endpoint;
import io.headroom.HeadroomConfig;
import io.headroom.internal.ccr.EhcacheCcrStore;
import io.headroom.internal.image.ImageProvider;
import io.headroom.internal.image.ImageTokens;
import io.headroom.internal.tokens.ModelRegistry;
import io.headroom.internal.tokens.TokenCounter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Context fitting sizes a conversation with its images: screenshot turns whose text alone fits the budget but whose
 * images do not are cut down until text and images fit, the newest turns keep their images, and the dropped turns,
 * base64 and all, are retrievable from CCR byte for byte.
 */
class ContextImagesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TokenCounter TOKENS = new TokenCounter();
    private static final int TURNS = 6;
    private final CcrStore ccr = new EhcacheCcrStore(Duration.ofHours(1), 1000);

    @AfterEach
    void close() {
        ccr.close();
    }

    private ContextManager manager(ContextStrategy strategy) {
        HeadroomConfig config = HeadroomConfig.builder().context(c -> c.strategy(strategy)).build();
        return ContextManager.create(config, TOKENS, ModelRegistry.defaults(), ccr, Clock.systemUTC());
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void rollingWindowDropsTheOldestImageTurnsUntilTextAndImagesFit(Endpoint endpoint) throws Exception {
        fitsWithImages(endpoint, ContextStrategy.ROLLING, true);
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void intelligentContextDropsImageTurnsUntilTextAndImagesFit(Endpoint endpoint) throws Exception {
        fitsWithImages(endpoint, ContextStrategy.INTELLIGENT, true);
    }

    /** URLs are never fetched but cost a default-sized image each: a 1 KB body can be far over budget. */
    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void imageUrlsInASmallBodyCountAsImages(Endpoint endpoint) throws Exception {
        fitsWithImages(endpoint, ContextStrategy.ROLLING, false);
    }

    private void fitsWithImages(Endpoint endpoint, ContextStrategy strategy, boolean inlined) throws Exception {
        ObjectNode root = ScreenshotTurns.conversation(endpoint, TURNS, inlined);
        ObjectNode original = root.deepCopy();
        int perImage = perImage(endpoint, root);
        int imagesBefore = ScreenshotTurns.images(root).size();
        int textOnly = textOnly(endpoint, root);
        // the text alone fits with room to spare; text and images are thousands of tokens over
        int budget = textOnly + 3 * perImage + 100;
        assertTrue(textOnly + imagesBefore * perImage > budget + 2 * perImage);

        ContextResult r = manager(strategy).apply(endpoint, root, OptionalInt.of(budget), true);

        assertTrue(r.changed() && r.fits() && r.messagesDropped() > 0, r::toString);
        assertTrue(r.tokensBefore() >= textOnly + imagesBefore * perImage, "images counted before: " + r);
        int imagesAfter = ScreenshotTurns.images(root).size();
        assertTrue(imagesAfter > 0 && imagesAfter < imagesBefore, "images kept " + imagesAfter);
        // the result's own count and an independent recount (text + images by the provider's rule) both fit
        assertTrue(r.tokensAfter() <= budget, r::toString);
        assertTrue(r.tokensAfter() >= imagesAfter * perImage, "images counted after: " + r);
        assertTrue(textOnly(endpoint, root) + imagesAfter * perImage <= budget);
        // the dropped images are credited as saved
        assertTrue(r.tokensBefore() - r.tokensAfter() >= (imagesBefore - imagesAfter) * perImage - 50, r::toString);

        ArrayNode list = Conversations.list(endpoint, root);
        ArrayNode before = Conversations.list(endpoint, original);
        WireChecks.assertToolPairing(endpoint, list);
        assertEquals(MAPPER.writeValueAsString(before.get(before.size() - 1)),
                MAPPER.writeValueAsString(list.get(list.size() - 1)), "the newest turn as sent, image and all");
        String newestButOne = ScreenshotTurns.question(TURNS - 2);
        assertTrue(list.toString().contains(newestButOne), "the last two turns are kept");
        if (strategy == ContextStrategy.ROLLING) {
            assertTrue(!list.toString().contains(ScreenshotTurns.question(0)), "the oldest turn goes first");
        }
        assertDroppedArchivedByteForByte(endpoint, before, list, inlined);
    }

    /** The note's hash names exactly the dropped messages, serialized as sent: base64 payloads byte-identical. */
    private void assertDroppedArchivedByteForByte(Endpoint endpoint, ArrayNode before, ArrayNode after, boolean inlined)
            throws Exception {
        WireChecks.Note note = WireChecks.findNote(after);
        String archived = ccr.retrieve(note.hash()).orElseThrow().entry().original();
        List<JsonNode> kept = WireChecks.withoutNote(endpoint, after);
        ArrayNode dropped = MAPPER.createArrayNode();
        int k = 0;
        for (JsonNode m : before) {
            if (k < kept.size() && kept.get(k).equals(m)) {
                k++;
            } else {
                dropped.add(m);
            }
        }
        assertEquals(kept.size(), k, "kept messages are the originals, in order");
        assertEquals(note.count(), dropped.size());
        assertEquals(MAPPER.writeValueAsString(dropped), archived, "archive byte-identical");
        if (inlined) {
            JsonNode firstImage = ScreenshotTurns.images(MAPPER.readTree(archived)).get(0);
            String base64 = firstImage.has("source") ? firstImage.path("source").path("data").textValue()
                    : firstImage.path("image_url").isObject() ? firstImage.path("image_url").path("url").textValue()
                    : firstImage.path("image_url").textValue();
            String payload = base64.substring(base64.indexOf(',') + 1);
            int turn = firstTurnIn(dropped);
            assertArrayEquals(ScreenshotTurns.png(turn), Base64.getDecoder().decode(payload), "the PNG retrieved as sent");
        }
    }

    private static int firstTurnIn(ArrayNode dropped) {
        for (int t = 0; t < TURNS; t++) {
            if (dropped.toString().contains(ScreenshotTurns.question(t))) return t;
        }
        throw new AssertionError("no question among the dropped messages");
    }

    /** One 1024-px screenshot by the provider's published rule (detail unset: charged as high). */
    private static int perImage(Endpoint endpoint, ObjectNode root) {
        String model = root.path("model").textValue();
        return ImageTokens.count(ImageProvider.of(endpoint, model), model, ScreenshotTurns.SIDE, ScreenshotTurns.SIDE,
                null);
    }

    /** What the conversation costs without its images: today's text-only sizing. */
    private static int textOnly(Endpoint endpoint, ObjectNode root) {
        ObjectNode stripped = ScreenshotTurns.withoutImages(root);
        List<JsonNode> left = new ArrayList<>(ScreenshotTurns.images(stripped));
        assertEquals(List.of(), left);
        return Conversation.read(stripped, MessageShape.of(endpoint),
                TOKENS.forModel(stripped.path("model").textValue()), 2).totalTokens();
    }
}
