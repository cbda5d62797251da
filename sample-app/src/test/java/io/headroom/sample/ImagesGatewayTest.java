package io.headroom.sample;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Images through the gateway over real HTTP (image compression is on in the gateway): the upstream receives the
 * smaller copy, the client sees the image tokens in the headers, {@code /stats} counts them, and the original comes
 * back byte for byte from {@code /v1/retrieve}.
 */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
class ImagesGatewayTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @InjectUpstreamStub
    UpstreamStub upstream;

    @BeforeEach
    void clear() {
        upstream.clear();
    }

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.BLUE, width, height, Color.ORANGE));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void anAnthropicScreenshotGoesUpstreamSmallerAndItsOriginalStaysRetrievable() throws Exception {
        byte[] original = png(1024, 1024);
        ObjectNode body = mapper.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 64);
        ArrayNode content = body.putArray("messages").addObject().put("role", "user").putArray("content");
        ObjectNode image = content.addObject().put("type", "image");
        image.putObject("source").put("type", "base64").put("media_type", "image/png")
                .put("data", Base64.getEncoder().encodeToString(original));
        content.addObject().put("type", "text").put("text", "What is in this screenshot?");

        Response r = given().contentType("application/json").header("x-api-key", "sk-ant-test-not-real")
                .body(mapper.writeValueAsBytes(body)).post("/v1/messages");

        r.then().statusCode(200);
        assertEquals("1399", r.header("x-headroom-image-tokens-before"));
        assertEquals("350", r.header("x-headroom-image-tokens-after"));
        assertEquals("full_low:1:1399:350", r.header("x-headroom-image-techniques"));

        JsonNode forwarded = mapper.readTree(upstream.last().body());
        byte[] sent = Base64.getDecoder().decode(forwarded.at("/messages/0/content/0/source/data").asText());
        assertEquals(512, ImageIO.read(new ByteArrayInputStream(sent)).getWidth());

        JsonNode stats = mapper.readTree(given().get("/stats").asByteArray());
        assertEquals(true, stats.at("/images/by_technique/full_low/count").asLong() >= 1, stats.path("images").toString());

        // the proxied request's hash is not a header: /v1/compress of the same image names it in ccr_hashes
        JsonNode compress = mapper.readTree(given().contentType("application/json")
                .body(mapper.writeValueAsBytes(mapper.createObjectNode().put("model", "claude-sonnet-4-5")
                        .set("messages", openAiShapedCopy(original))))
                .post("/v1/compress").asByteArray());
        String stored = compress.path("ccr_hashes").get(0).asText();
        JsonNode back = mapper.readTree(given().get("/v1/retrieve/" + stored).asByteArray());
        assertArrayEquals(original, Base64.getDecoder().decode(back.path("original_content").asText()));
    }

    /** The same image as an OpenAI chat message to a Claude model (the /v1/compress shape): resized, stored. */
    private ArrayNode openAiShapedCopy(byte[] png) {
        ArrayNode messages = mapper.createArrayNode();
        ArrayNode content = messages.addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "text").put("text", "What is in this screenshot?");
        content.addObject().put("type", "image_url").putObject("image_url")
                .put("url", "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
        return messages;
    }
}
