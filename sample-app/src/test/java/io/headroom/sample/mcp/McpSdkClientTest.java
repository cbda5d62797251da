package io.headroom.sample.mcp;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway's /mcp endpoint driven by the official MCP Java SDK client over Streamable HTTP. */
@QuarkusTest
class McpSdkClientTest {
    private static final String NEEDLE = "PaymentGatewayTimeout";
    private final ObjectMapper mapper = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Inject
    McpSessions sessions;

    private McpSyncClient client;

    @BeforeEach
    void connect() {
        var transport = HttpClientStreamableHttpTransport.builder(base.toString().replaceAll("/$", ""))
                .endpoint("/mcp")
                .build();
        client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
    }

    @AfterEach
    void disconnect() {
        client.closeGracefully();
    }

    /** The tool output of the README's example request: a 200-item log with one error among them. */
    private String bigToolOutput() throws Exception {
        JsonNode request = mapper.readTree(Files.readAllBytes(Path.of("examples", "compress-request.json")));
        for (JsonNode m : request.get("messages")) {
            if ("tool".equals(m.path("role").asText())) {
                return m.get("content").asText();
            }
        }
        throw new AssertionError("example request has no tool message");
    }

    private JsonNode call(String tool, Map<String, Object> args) throws Exception {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, args));
        assertFalse(Boolean.TRUE.equals(result.isError()), () -> tool + " failed: " + result.content());
        return mapper.readTree(((McpSchema.TextContent) result.content().get(0)).text());
    }

    @Test
    void initializeNegotiatesAndListsTheThreeTools() {
        McpSchema.InitializeResult init = client.getCurrentInitializationResult();
        assertEquals("headroom", init.serverInfo().name());
        assertTrue(McpProtocol.SUPPORTED.contains(init.protocolVersion()), init.protocolVersion());
        assertNotNull(init.capabilities().tools(), "tools capability announced");

        List<McpSchema.Tool> tools = client.listTools().tools();
        Set<String> names = tools.stream().map(McpSchema.Tool::name).collect(Collectors.toSet());
        assertEquals(Set.of("headroom_compress", "headroom_retrieve", "headroom_stats"), names);
        McpSchema.Tool retrieve = tools.stream().filter(t -> t.name().equals("headroom_retrieve")).findFirst().orElseThrow();
        assertEquals(List.of("hash"), retrieve.inputSchema().get("required"));
        assertTrue(((Map<?, ?>) retrieve.inputSchema().get("properties")).containsKey("query"));
    }

    @Test
    void compressThenRetrieveTheOriginalByteIdenticalFromTheSharedStore() throws Exception {
        String original = bigToolOutput();
        JsonNode compressed = call("headroom_compress", Map.of("content", original));
        String hash = compressed.get("hash").asText();
        assertFalse(compressed.get("hash").isNull(), "a 200-item log is compressed and stored");
        assertTrue(compressed.get("compressed").asText().length() < original.length() / 2);
        assertTrue(compressed.get("compressed").asText().contains(NEEDLE), "the error item survives");
        assertTrue(compressed.get("compressed_tokens").asInt() < compressed.get("original_tokens").asInt());
        assertTrue(compressed.get("savings_percent").asDouble() > 50, compressed.toString());
        assertFalse(compressed.get("transforms").isEmpty());

        JsonNode full = call("headroom_retrieve", Map.of("hash", hash));
        assertEquals(original, full.get("original_content").asText(), "byte-identical original");
        assertEquals(200, full.get("original_item_count").asInt());

        // the gateway's HTTP retrieve reads the same store
        String viaHttp = given().contentType("application/json").body(Map.of("hash", hash))
                .post("/v1/retrieve").then().statusCode(200).extract().path("original_content");
        assertEquals(original, viaHttp);

        JsonNode search = call("headroom_retrieve", Map.of("hash", hash, "query", NEEDLE));
        assertTrue(search.get("count").asInt() >= 1, search.toString());
        assertTrue(search.get("results").toString().contains(NEEDLE));

        JsonNode stats = call("headroom_stats", Map.of());
        assertTrue(stats.get("compressions").asLong() >= 1);
        assertTrue(stats.get("retrievals").asLong() >= 2);
        assertTrue(stats.get("tokens_saved").asLong() > 0);
        assertTrue(stats.get("proxy").get("ccr_entries").asLong() >= 1);
        JsonNode last = stats.get("recent_events").get(stats.get("recent_events").size() - 1);
        assertEquals("retrieve", last.get("type").asText());
        assertEquals(hash, last.get("hash").asText());
    }

    @Test
    void compressesWholeMessageArrays() throws Exception {
        JsonNode request = mapper.readTree(Files.readAllBytes(Path.of("examples", "compress-request.json")));
        Object messages = mapper.convertValue(request.get("messages"), List.class);
        JsonNode r = call("headroom_compress", Map.of("messages", messages, "model", "gpt-4o"));
        assertEquals(request.get("messages").size(), r.get("messages").size());
        assertEquals(1, r.get("hashes").size());
        assertTrue(r.get("tokens_saved").asInt() > 0);
    }

    @Test
    void aMessagesAnswerListsEachImageAsCompressDoes() throws Exception {
        BufferedImage image = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.BLUE, 1024, 1024, Color.ORANGE));
        g.fillRect(0, 0, 1024, 1024);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        String base64 = Base64.getEncoder().encodeToString(png.toByteArray());
        List<Object> messages = List.of(Map.of("role", "user", "content", List.of(
                Map.of("type", "text", "text", "What is in this screenshot?"),
                Map.of("type", "image_url", "image_url", Map.of("url", "data:image/png;base64," + base64)))));

        JsonNode r = call("headroom_compress", Map.of("messages", messages, "model", "claude-sonnet-4-5"));

        JsonNode images = r.get("images");
        assertEquals(1, images.size(), r.toString());
        assertEquals("full_low", images.get(0).get("technique").asText());
        assertEquals(1399, images.get(0).get("tokens_before").asInt());
        assertEquals(350, images.get(0).get("tokens_after").asInt());
        assertEquals(1399, r.get("image_tokens_before").asInt());
        String hash = images.get(0).get("ccr_hash").asText();
        assertEquals(base64, call("headroom_retrieve", Map.of("hash", hash)).get("original_content").asText());
    }

    @Test
    void toolFailuresAndUnknownToolsAreReportedDifferently() {
        McpSchema.CallToolResult missing = client.callTool(
                new McpSchema.CallToolRequest("headroom_retrieve", Map.of("hash", "0123456789abcdef01234567")));
        assertTrue(missing.isError(), "an unknown hash is a tool error the model can read");
        assertTrue(((McpSchema.TextContent) missing.content().get(0)).text().contains("not found"));

        String huge = "ab".repeat(500_000);
        McpSchema.CallToolResult malformed = client.callTool(
                new McpSchema.CallToolRequest("headroom_retrieve", Map.of("hash", huge)));
        assertTrue(malformed.isError(), "a hash of the wrong format is a tool error, refused before any lookup");
        String text = ((McpSchema.TextContent) malformed.content().get(0)).text();
        assertTrue(text.contains("24 hexadecimal digits") && text.length() < 300, "not echoed: " + text.length());

        McpSchema.CallToolResult badArgs = client.callTool(new McpSchema.CallToolRequest("headroom_compress", Map.of()));
        assertTrue(badArgs.isError());

        McpError unknown = assertThrows(McpError.class,
                () -> client.callTool(new McpSchema.CallToolRequest("no_such_tool", Map.of())));
        assertEquals(JsonRpc.INVALID_PARAMS, unknown.getJsonRpcError().code());
    }

    @Test
    void closingTheClientTerminatesItsSession() {
        int open = sessions.size();
        assertTrue(open >= 1);
        client.closeGracefully();
        assertEquals(open - 1, sessions.size(), "the client's DELETE ended its session");
        connect(); // for @AfterEach
    }
}
