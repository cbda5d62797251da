package io.headroom.internal.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.testimages.TestImages;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.BlockKind;
import io.headroom.BlockReport;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.SimulationPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Simulate mode shows each image as a block with its tokens before and after and the technique's transform. */
class ImageSimulationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void thePlanHasOneBlockPerImage() {
        ObjectNode request = JSON.createObjectNode().put("model", "gpt-4o");
        ArrayNode messages = request.putArray("messages");
        ArrayNode content = messages.addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "text").put("text", "What is in this picture?");
        content.addObject().put("type", "image_url").putObject("image_url")
                .put("url", TestImages.dataUrl("image/png", TestImages.encoded(1024, 1024, "png")));
        String sent = messages.toString();

        try (Headroom headroom = Headroom.builder(HeadroomConfig.builder().image(i -> i.enabled(true))
                .limits(l -> l.compressionDeadlineMs(60_000)).build()).build()) {
            SimulationPlan plan = headroom.simulate(request);
            List<BlockReport> images = plan.blocks().stream().filter(b -> b.kind() == BlockKind.IMAGE).toList();
            assertEquals(1, images.size());
            BlockReport image = images.get(0);
            assertEquals(0, image.messageIndex());
            assertEquals(1, image.partIndex());
            assertEquals(765, image.tokensBefore());
            assertEquals(85, image.tokensAfter());
            assertEquals("image:full_low:0.11", image.transform());
            assertEquals(680, plan.tokensSaved());
            assertTrue(plan.toJson().path("blocks").toString().contains("\"kind\":\"image\""));
            assertEquals(sent, request.get("messages").toString(), "simulate changes nothing");
        }
    }
}
