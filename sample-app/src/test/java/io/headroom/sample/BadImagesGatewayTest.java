package io.headroom.sample;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.testimages.BadImages;
import io.headroom.testimages.TestImages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad image in one chat request through the gateway over real HTTP (image compression is on in the
 * gateway): corrupt, truncated, bomb-sized, animated, CMYK, unknown-format, mislabelled and malformed data URLs go
 * upstream byte for byte and are counted as {@code unread}, while the good image and the JSON tool output of the
 * same request are compressed and the client gets its 200.
 */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
class BadImagesGatewayTest {
    /** A patch model: its images are resized (no {@code detail} shortcut), so an unread image shows as such. */
    private static final String MODEL = "gpt-4.1-mini";

    private final ObjectMapper mapper = new ObjectMapper();

    @InjectUpstreamStub
    UpstreamStub upstream;

    @BeforeEach
    void clear() {
        upstream.clear();
    }

    /** Name → data URL, in request order. */
    private static Map<String, String> badImages() {
        byte[] jpeg = TestImages.encoded(256, 256, "jpeg");
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("cmyk jpeg", dataUrl("image/jpeg", BadImages.fourComponentJpeg(256, 256, false)));
        bad.put("ycck jpeg", dataUrl("image/jpeg", BadImages.fourComponentJpeg(256, 256, true)));
        bad.put("animated webp", dataUrl("image/webp", BadImages.webpAnimated(256, 256)));
        bad.put("apng", dataUrl("image/png", BadImages.apng(256, 256)));
        bad.put("animated gif", dataUrl("image/gif", BadImages.gif(3, 80, 60)));
        bad.put("bomb", dataUrl("image/png", BadImages.pngBomb(100_000, 100_000)));
        bad.put("truncated jpeg", dataUrl("image/jpeg", BadImages.truncatedJpeg(640, 480)));
        bad.put("truncated png header", dataUrl("image/png", BadImages.truncatedPngHeader()));
        bad.put("random bytes", dataUrl("image/png", BadImages.randomBytes(2048)));
        bad.put("jpeg labelled png", dataUrl("image/png", jpeg));
        bad.put("bmp", dataUrl("image/bmp", BadImages.unknownToProviders("bmp")));
        bad.put("tiff", dataUrl("image/tiff", BadImages.unknownToProviders("tiff")));
        bad.put("empty", "data:image/png;base64,");
        bad.put("invalid base64", "data:image/png;base64,!!! not base64 !!!" + Base64.getEncoder().encodeToString(jpeg));
        bad.put("no mime type", "data:;base64," + Base64.getEncoder().encodeToString(jpeg));
        return bad;
    }

    private static String dataUrl(String mime, byte[] bytes) {
        return "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    /** The README's example (a big JSON tool output), its question replaced by one carrying every image. */
    private ObjectNode request(Map<String, String> bad, String good) {
        ObjectNode body = ((ObjectNode) ExampleRequests.chatRequest(mapper)).put("model", MODEL);
        for (JsonNode m : body.get("messages")) {
            if ("user".equals(m.path("role").asText())) {
                ArrayNode content = ((ObjectNode) m).putArray("content");
                content.addObject().put("type", "text").put("text", "Describe these images and the search results.");
                for (String url : bad.values()) {
                    content.addObject().put("type", "image_url").putObject("image_url").put("url", url);
                }
                content.addObject().put("type", "image_url").putObject("image_url").put("url", good);
                return body;
            }
        }
        throw new AssertionError("example request has no user message");
    }

    private JsonNode imagesStats() throws Exception {
        return mapper.readTree(given().get("/stats").asByteArray()).path("images");
    }

    @Test
    void everyBadImageGoesUpstreamAsItCameAndIsCountedWhileTheRestIsCompressed() throws Exception {
        Map<String, String> bad = badImages();
        String good = dataUrl("image/png", TestImages.encoded(1024, 1024, "png"));
        ObjectNode body = request(bad, good);
        JsonNode statsBefore = imagesStats();

        Response r = given().contentType("application/json").header("Authorization", "Bearer sk-test-not-real")
                .body(mapper.writeValueAsBytes(body)).post("/v1/chat/completions");

        r.then().statusCode(200);
        assertEquals("true", r.header("x-headroom-compressed"));
        String techniques = r.header("x-headroom-image-techniques");
        assertTrue(techniques.startsWith("full_low:1:1659:"), techniques); // 1024² on gpt-4.1-mini: 1,659 -> 512²
        assertTrue(techniques.contains(",unread:" + bad.size() + ":"), techniques);
        String[] unread = techniques.substring(techniques.indexOf("unread:")).split(":");
        assertEquals(unread[2], unread[3], "unread images cost what they cost");
        long imageBefore = Long.parseLong(r.header("x-headroom-image-tokens-before"));
        long imageAfter = Long.parseLong(r.header("x-headroom-image-tokens-after"));
        assertEquals(1659 + Long.parseLong(unread[2]), imageBefore);
        assertTrue(imageAfter < imageBefore, r.header("x-headroom-image-tokens-after"));

        JsonNode forwarded = mapper.readTree(upstream.last().body());
        JsonNode content = null;
        String toolOutput = null;
        for (JsonNode m : forwarded.get("messages")) {
            if ("user".equals(m.path("role").asText())) content = m.get("content");
            if ("tool".equals(m.path("role").asText())) toolOutput = m.get("content").asText();
        }
        List<String> names = new ArrayList<>(bad.keySet());
        for (int i = 0; i < names.size(); i++) {
            JsonNode sent = content.get(i + 1).get("image_url");
            // compared whole, reported by name: a failure must not print megabytes of base64
            assertTrue(bad.get(names.get(i)).equals(sent.path("url").asText()), names.get(i) + " byte for byte");
            assertEquals(1, sent.size(), names.get(i) + ": nothing added");
        }
        String goodSent = content.get(names.size() + 1).at("/image_url/url").asText();
        byte[] goodBytes = Base64.getDecoder().decode(goodSent.substring(goodSent.indexOf(',') + 1));
        assertEquals(512, ImageIO.read(new ByteArrayInputStream(goodBytes)).getWidth(), "the good image is resized");
        assertTrue(toolOutput.length() < ExampleRequests.toolOutput(body).length(), "the tool output is compressed");

        JsonNode statsAfter = imagesStats();
        assertEquals(bad.size(), count(statsAfter, "unread") - count(statsBefore, "unread"), statsAfter.toString());
        assertEquals(1, count(statsAfter, "full_low") - count(statsBefore, "full_low"), statsAfter.toString());
        assertEquals(bad.size() + 1, statsAfter.path("count").asLong() - statsBefore.path("count").asLong());
    }

    private static long count(JsonNode images, String technique) {
        return images.at("/by_technique/" + technique + "/count").asLong(0);
    }
}
