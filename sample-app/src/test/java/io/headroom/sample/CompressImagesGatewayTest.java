package io.headroom.sample;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/compress} over real HTTP names what happened to each image (image compression is on in the gateway):
 * {@code images[]} with indices, technique, tokens, {@code replaced_by_text} and the stored original's
 * {@code ccr_hash}, plus {@code image_tokens_before/after}; simulate shows the same without storing anything.
 */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
class CompressImagesGatewayTest {
    private final ObjectMapper mapper = new ObjectMapper();

    /** A 1024² PNG no other test sends (a random colour), so its CCR key is this test's alone. */
    private static byte[] uniquePng() throws Exception {
        BufferedImage image = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(ThreadLocalRandom.current().nextInt(0xffffff)), 1024, 1024,
                Color.ORANGE));
        g.fillRect(0, 0, 1024, 1024);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** An OpenAI-shaped chat to a Claude model: the image is resized to 512 px and its original stored. */
    private ObjectNode request(String base64) {
        ObjectNode request = mapper.createObjectNode().put("model", "claude-sonnet-4-5");
        ArrayNode messages = request.putArray("messages");
        messages.addObject().put("role", "system").put("content", "You describe screenshots.");
        ArrayNode content = messages.addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "text").put("text", "What is in this screenshot?");
        content.addObject().put("type", "image_url").putObject("image_url")
                .put("url", "data:image/png;base64," + base64);
        return request;
    }

    private JsonNode post(JsonNode body) throws Exception {
        return mapper.readTree(given().contentType("application/json").body(mapper.writeValueAsBytes(body))
                .post("/v1/compress")
                .then().statusCode(200).contentType(containsString("application/json"))
                .extract().asByteArray());
    }

    /** The CCR key of an original (the first 24 hex digits of its SHA-256), to look for it before it is stored. */
    private static String keyOf(String original) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(original.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 12);
    }

    @Test
    void theAnswerListsEachImageWithTheKeyOfItsStoredOriginal() throws Exception {
        byte[] png = uniquePng();
        String base64 = Base64.getEncoder().encodeToString(png);
        String key = keyOf(base64);

        ObjectNode simulate = request(base64);
        simulate.putObject("config").put("mode", "simulate");
        JsonNode plan = post(simulate);
        JsonNode planned = plan.path("images");
        assertEquals(1, planned.size(), plan.toString());
        assertEquals(1, planned.get(0).path("message_index").asInt());
        assertEquals(1, planned.get(0).path("part_index").asInt());
        assertEquals("full_low", planned.get(0).path("technique").asText());
        assertEquals(1399, planned.get(0).path("tokens_before").asInt());
        assertEquals(350, planned.get(0).path("tokens_after").asInt());
        assertFalse(planned.get(0).has("ccr_hash"), "simulate stores nothing: " + planned);
        assertEquals(1399, plan.path("image_tokens_before").asInt());
        assertEquals(350, plan.path("image_tokens_after").asInt());
        given().get("/v1/retrieve/" + key).then().statusCode(404);

        JsonNode answer = post(request(base64));
        JsonNode image = answer.path("images").get(0);
        assertEquals(1, answer.path("images").size(), answer.path("images").toString());
        assertEquals(1, image.path("message_index").asInt());
        assertEquals(1, image.path("part_index").asInt());
        assertEquals("full_low", image.path("technique").asText());
        assertEquals(1399, image.path("tokens_before").asInt());
        assertEquals(350, image.path("tokens_after").asInt());
        assertTrue(image.path("replaced_by_text").isBoolean());
        assertFalse(image.path("replaced_by_text").asBoolean());
        assertEquals(key, image.path("ccr_hash").asText());
        assertEquals(key, answer.path("ccr_hashes").get(0).asText());
        assertEquals(1399, answer.path("image_tokens_before").asInt());
        assertEquals(350, answer.path("image_tokens_after").asInt());

        JsonNode back = mapper.readTree(given().get("/v1/retrieve/" + key).then().statusCode(200)
                .extract().asByteArray());
        assertArrayEquals(png, Base64.getDecoder().decode(back.path("original_content").asText()), "byte-identical");
    }

    @Test
    void anAnswerWithoutImagesHasAnEmptyListAndZeroTokens() throws Exception {
        ObjectNode request = mapper.createObjectNode().put("model", "gpt-4o");
        request.putArray("messages").addObject().put("role", "user").put("content", "Hello.");

        JsonNode answer = post(request);

        assertTrue(answer.path("images").isArray());
        assertEquals(0, answer.path("images").size());
        assertEquals(0, answer.path("image_tokens_before").asInt(-1));
        assertEquals(0, answer.path("image_tokens_after").asInt(-1));
    }
}
